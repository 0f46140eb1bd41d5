package dev.steward.incidents.integration;

import dev.steward.platform.spi.CatalogUsage;
import org.jooq.DSLContext;
import org.springframework.stereotype.Component;

import java.util.List;

import static dev.steward.incidents.db.Tables.INCIDENT;
import static dev.steward.incidents.db.Tables.INCIDENT_RESIDENCY;

/** Catalogue entries that incidents reference cannot be deleted from the catalogue (only retired). */
@Component
class IncidentCatalogUsage implements CatalogUsage {

    private final DSLContext dsl;

    IncidentCatalogUsage(DSLContext dsl) {
        this.dsl = dsl;
    }

    @Override
    public List<Use> usesOf(String kind, String code) {
        int count = switch (kind) {
            case "DATA_CATEGORY" -> dsl.fetchCount(INCIDENT, INCIDENT.DATA_CATEGORIES.contains(new String[]{code}));
            case "SUBJECT_TYPE" -> dsl.fetchCount(INCIDENT, INCIDENT.SUBJECT_TYPES.contains(new String[]{code}));
            case "JURISDICTION" -> dsl.fetchCount(INCIDENT_RESIDENCY, INCIDENT_RESIDENCY.JURISDICTION.eq(code));
            default -> 0;
        };
        return count == 0 ? List.of() : List.of(new Use("incidents", count));
    }
}
