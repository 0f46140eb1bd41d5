package dev.steward.vendors.integration;

import dev.steward.platform.spi.GettingStartedStep;
import dev.steward.vendors.VendorPermissions;
import org.jooq.DSLContext;
import org.springframework.stereotype.Component;

/** Getting started: the registry is of use once it holds a vendor. */
@Component
class FirstVendorStep implements GettingStartedStep {

    private final DSLContext dsl;

    FirstVendorStep(DSLContext dsl) {
        this.dsl = dsl;
    }

    @Override
    public String title() {
        return "Add the first vendor";
    }

    @Override
    public String description() {
        return "Record a vendor you share personal data with, with its services and contracts: expiring contracts, due "
                + "reviews and transfers without a safeguard then show on the dashboard. Many at once: import a CSV.";
    }

    @Override
    public String requiredPermission() {
        return VendorPermissions.EDIT;
    }

    @Override
    public String route() {
        return "vendors";
    }

    @Override
    public int order() {
        return 60;
    }

    @Override
    public boolean done() {
        return dsl.fetchSingle("select exists (select 1 from vendors.vendor)").get(0, Boolean.class);
    }
}
