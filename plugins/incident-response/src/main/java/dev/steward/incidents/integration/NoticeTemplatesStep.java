package dev.steward.incidents.integration;

import dev.steward.incidents.IncidentPermissions;
import dev.steward.incidents.documents.NoticePlaceholders;
import dev.steward.platform.spi.GettingStartedStep;
import org.jooq.DSLContext;
import org.springframework.stereotype.Component;

/**
 * Getting started: the shipped notice templates leave the contact point as an instruction in brackets; done when no
 * template still holds one (the same rule that warns before a notice is issued).
 */
@Component
class NoticeTemplatesStep implements GettingStartedStep {

    private final DSLContext dsl;

    NoticeTemplatesStep(DSLContext dsl) {
        this.dsl = dsl;
    }

    @Override
    public String title() {
        return "Put your contact point into the notice templates";
    }

    @Override
    public String description() {
        return "The notices to the supervisory authority and to individuals still say “[name, email and telephone of "
                + "the DPO…]”: write in your data protection officer's details once, and every drafted notice carries them.";
    }

    @Override
    public String requiredPermission() {
        return IncidentPermissions.MANAGE_RULES;
    }

    @Override
    public String route() {
        return "incidents/templates";
    }

    @Override
    public int order() {
        return 50;
    }

    @Override
    public boolean done() {
        return dsl.fetch("select body from incidents.notice_template").getValues(0, String.class).stream()
                .noneMatch(body -> NoticePlaceholders.in(body).stream().anyMatch(p -> p.startsWith("[")));
    }
}
