package dev.steward.reviews.integration;

import dev.steward.platform.spi.GettingStartedStep;
import dev.steward.reviews.ReviewPermissions;
import org.jooq.DSLContext;
import org.springframework.stereotype.Component;

/** Getting started: a campaign needs a system whose accounts were imported. */
@Component
class FirstSystemStep implements GettingStartedStep {

    private final DSLContext dsl;

    FirstSystemStep(DSLContext dsl) {
        this.dsl = dsl;
    }

    @Override
    public String title() {
        return "Add a system and import its accounts";
    }

    @Override
    public String description() {
        return "Register an application with its owner, then import who has access to it (a CSV export, Entra ID, "
                + "Google Workspace, GitHub or LDAP): access-review campaigns ask managers about these accounts.";
    }

    @Override
    public String requiredPermission() {
        return ReviewPermissions.ADMIN;
    }

    @Override
    public String route() {
        return "reviews/systems";
    }

    @Override
    public int order() {
        return 40;
    }

    @Override
    public boolean done() {
        return dsl.fetchSingle("select exists (select 1 from reviews.import_run)").get(0, Boolean.class);
    }
}
