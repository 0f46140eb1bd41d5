package dev.steward.reviews.integration;

import dev.steward.platform.onboarding.GettingStarted;
import dev.steward.platform.security.Role;
import dev.steward.reviews.ReviewsTestBase;
import dev.steward.reviews.systems.SystemInfo;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.TestPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/** The access reviews' getting-started step on a new installation (its own fresh database). */
@TestPropertySource(properties = "steward.test.fresh-installation=reviews-getting-started")
class FirstSystemStepTest extends ReviewsTestBase {

    @Autowired
    GettingStarted gettingStarted;

    @Test
    void a_system_alone_does_not_do_the_step_its_first_import_does() {
        loginAs("root", Role.ADMIN);
        GettingStarted.Step step = step();
        assertThat(step.done()).isFalse();
        assertThat(step.route()).isEqualTo("reviews/systems");
        assertThat(step.mayDo()).isFalse();
        assertThat(step.doneBy()).containsExactlyInAnyOrder(Role.PRIVACY_OFFICER, Role.SECURITY_ANALYST);

        loginAs("ivy", Role.SECURITY_ANALYST);
        SystemInfo crm = system("CRM");
        loginAs("root", Role.ADMIN);
        assertThat(step().done()).as("a system without accounts").isFalse();

        loginAs("ivy", Role.SECURITY_ANALYST);
        importCsv(crm, HEADER + "jdoe,SALES,E1,jdoe@example.com,Jane Doe,2026-01-05\n");
        loginAs("root", Role.ADMIN);
        assertThat(step().done()).isTrue();
    }

    private GettingStarted.Step step() {
        return gettingStarted.checklist().steps().stream()
                .filter(s -> s.title().equals("Add a system and import its accounts")).findFirst().orElseThrow();
    }
}
