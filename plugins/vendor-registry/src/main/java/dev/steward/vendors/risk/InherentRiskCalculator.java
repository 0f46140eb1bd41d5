package dev.steward.vendors.risk;

import dev.steward.vendors.db.tables.records.ProcessingRecord;
import dev.steward.vendors.db.tables.records.VendorRecord;
import dev.steward.vendors.processing.TransferJurisdictions;
import dev.steward.vendors.processing.Volume;
import dev.steward.vendors.registry.AccessLevel;
import dev.steward.vendors.registry.Criticality;
import org.jooq.DSLContext;
import org.springframework.stereotype.Component;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static dev.steward.vendors.db.Tables.PROCESSING;
import static dev.steward.vendors.db.Tables.VENDOR;
import static dev.steward.vendors.db.Tables.VENDOR_SERVICE;
import static org.jooq.impl.DSL.field;
import static org.jooq.impl.DSL.name;
import static org.jooq.impl.DSL.table;

/** The factors of a vendor's inherent risk from what the registry knows of it; callers check access. */
@Component
class InherentRiskCalculator {

    private static final org.jooq.Table<?> CATALOG = table(name("platform", "catalog_entry"));
    private static final org.jooq.Field<String> CATALOG_KIND = field(name("catalog_entry", "kind"), String.class);
    private static final org.jooq.Field<String> CATALOG_CODE = field(name("catalog_entry", "code"), String.class);
    private static final org.jooq.Field<Short> CATALOG_SENSITIVITY = field(name("catalog_entry", "sensitivity"), Short.class);

    private final DSLContext dsl;

    InherentRiskCalculator(DSLContext dsl) {
        this.dsl = dsl;
    }

    RiskFactors factors(long vendorId) {
        VendorRecord vendor = dsl.selectFrom(VENDOR).where(VENDOR.ID.eq(vendorId)).fetchSingle();
        List<ProcessingRecord> processing = dsl.select(PROCESSING.fields()).from(PROCESSING).join(VENDOR_SERVICE)
                .on(VENDOR_SERVICE.ID.eq(PROCESSING.SERVICE_ID)).where(VENDOR_SERVICE.VENDOR_ID.eq(vendorId)).fetchInto(PROCESSING);
        List<String> categories = processing.stream().flatMap(p -> Arrays.stream(p.getDataCategories())).distinct().toList();
        Map<String, Short> sensitivity = dsl.select(CATALOG_CODE, CATALOG_SENSITIVITY).from(CATALOG)
                .where(CATALOG_KIND.eq("DATA_CATEGORY").and(CATALOG_CODE.in(categories))).fetchMap(CATALOG_CODE, CATALOG_SENSITIVITY);
        int sensitivityLevel = processing.stream().anyMatch(ProcessingRecord::getSpecialCategory) ? 4
                : categories.stream().map(sensitivity::get).filter(java.util.Objects::nonNull).mapToInt(Short::intValue).max().orElse(1);
        int volume = processing.stream().mapToInt(p -> p.getVolume().level()).max().orElse(1);
        int location = processing.stream().mapToInt(InherentRiskCalculator::location).max().orElse(1);
        return new RiskFactors(Math.max(1, Math.min(4, sensitivityLevel)), volume, vendor.getAccessLevel().level(),
                vendor.getCriticality().level(), location);
    }

    private static int location(ProcessingRecord p) {
        if (p.getTransferGap()) {
            return 4;
        }
        return Stream.concat(Arrays.stream(p.getProcessingCountries()), Arrays.stream(p.getStorageCountries()))
                .mapToInt(c -> switch (TransferJurisdictions.zoneOf(c)) {
                    case EEA_OR_UK -> 1;
                    case ADEQUATE -> 2;
                    case CONDITIONALLY_ADEQUATE, THIRD_COUNTRY -> 3;
                }).max().orElse(1);
    }
}
