package dev.steward.incidents.integration;

import dev.steward.incidents.IncidentServiceTestBase;
import dev.steward.incidents.documents.NoticeDocuments;
import dev.steward.incidents.documents.NoticeTemplate;
import dev.steward.platform.onboarding.GettingStarted;
import dev.steward.platform.security.Role;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.TestPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/** The incidents' getting-started step on a new installation (its own fresh database, with the shipped templates). */
@TestPropertySource(properties = "steward.test.fresh-installation=incidents-getting-started")
class NoticeTemplatesStepTest extends IncidentServiceTestBase {

    @Autowired
    GettingStarted gettingStarted;

    @Test
    void the_step_is_done_once_no_template_still_asks_for_the_contact_point() {
        loginAs("root", Role.ADMIN);
        GettingStarted.Step step = step();
        assertThat(step.done()).as("the shipped templates say [name, email and telephone …]").isFalse();
        assertThat(step.route()).isEqualTo("incidents/templates");
        assertThat(step.mayDo()).isFalse();
        assertThat(step.doneBy()).containsExactly(Role.PRIVACY_OFFICER);

        loginAs("olivia", Role.PRIVACY_OFFICER);
        NoticeDocuments documents = bean(NoticeDocuments.class);
        var templates = documents.templates().stream().filter(t -> t.body().contains("[name, email and telephone")).toList();
        assertThat(templates).hasSizeGreaterThanOrEqualTo(2);
        documents.save(fillIn(templates.getFirst()));
        loginAs("root", Role.ADMIN);
        assertThat(step().done()).as("one template still asks").isFalse();

        loginAs("olivia", Role.PRIVACY_OFFICER);
        templates.subList(1, templates.size()).forEach(t -> documents.save(fillIn(t)));
        loginAs("root", Role.ADMIN);
        assertThat(step().done()).isTrue();
    }

    private static NoticeTemplate fillIn(NoticeTemplate template) {
        String body = template.body().replaceAll("\\[name, email and telephone[^]]*]", "Dana Pro, dpo@example.com, +353 1 555 0100");
        return new NoticeTemplate(template.id(), template.recipientKind(), template.name(), body, template.version());
    }

    private GettingStarted.Step step() {
        return gettingStarted.checklist().steps().stream()
                .filter(s -> s.title().equals("Put your contact point into the notice templates")).findFirst().orElseThrow();
    }
}
