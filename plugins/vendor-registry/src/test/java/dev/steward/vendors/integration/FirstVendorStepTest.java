package dev.steward.vendors.integration;

import dev.steward.platform.onboarding.GettingStarted;
import dev.steward.platform.security.Role;
import dev.steward.vendors.VendorsTestBase;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.TestPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/** The registry's getting-started step on a new installation (its own fresh database). */
@TestPropertySource(properties = "steward.test.fresh-installation=vendors-getting-started")
class FirstVendorStepTest extends VendorsTestBase {

    @Autowired
    GettingStarted gettingStarted;

    @Test
    void the_step_is_done_once_a_privacy_officer_adds_the_first_vendor_and_tells_the_administrator_who_can() {
        loginAs("root", Role.ADMIN);
        GettingStarted.Step step = step();
        assertThat(step.done()).isFalse();
        assertThat(step.route()).isEqualTo("vendors");
        assertThat(step.mayDo()).as("the administrator role holds no vendor permission").isFalse();
        assertThat(step.doneBy()).containsExactly(Role.PRIVACY_OFFICER);

        loginAsOfficer();
        vendor("Acme Cloud");

        loginAs("root", Role.ADMIN);
        assertThat(step().done()).isTrue();
    }

    private GettingStarted.Step step() {
        return gettingStarted.checklist().steps().stream()
                .filter(s -> s.title().equals("Add the first vendor")).findFirst().orElseThrow();
    }
}
