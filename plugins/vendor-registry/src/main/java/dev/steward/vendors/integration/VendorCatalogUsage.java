package dev.steward.vendors.integration;

import dev.steward.platform.spi.CatalogUsage;
import org.jooq.DSLContext;
import org.springframework.stereotype.Component;

import java.util.List;

import static dev.steward.vendors.db.Tables.PROCESSING;
import static dev.steward.vendors.db.Tables.PROCESSING_PURPOSE;

/** Catalogue entries that vendor processing references cannot be deleted from the catalogue (only retired). */
@Component
class VendorCatalogUsage implements CatalogUsage {

    private final DSLContext dsl;

    VendorCatalogUsage(DSLContext dsl) {
        this.dsl = dsl;
    }

    @Override
    public List<Use> usesOf(String kind, String code) {
        int count = switch (kind) {
            case "DATA_CATEGORY" -> dsl.fetchCount(PROCESSING, PROCESSING.DATA_CATEGORIES.contains(new String[]{code}));
            case "SUBJECT_TYPE" -> dsl.fetchCount(PROCESSING, PROCESSING.SUBJECT_TYPES.contains(new String[]{code}));
            case "PURPOSE" -> dsl.fetchCount(PROCESSING_PURPOSE, PROCESSING_PURPOSE.PURPOSE.eq(code));
            case "LEGAL_BASIS" -> dsl.fetchCount(PROCESSING_PURPOSE, PROCESSING_PURPOSE.LEGAL_BASIS.eq(code));
            default -> 0;
        };
        return count == 0 ? List.of() : List.of(new Use("vendor processing records", count));
    }
}
