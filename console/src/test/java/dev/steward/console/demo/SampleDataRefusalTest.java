package dev.steward.console.demo;

import dev.steward.platform.people.EmploymentStatus;
import dev.steward.platform.people.PeopleDirectory;
import dev.steward.platform.people.PersonForm;
import dev.steward.platform.sample.SampleInstall;
import dev.steward.platform.security.Role;
import dev.steward.testkit.console.KaribuTest;
import org.jooq.DSLContext;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.TestPropertySource;

import static dev.steward.platform.db.generated.Tables.APP_USER;
import static dev.steward.platform.db.generated.Tables.AUDIT_LOG;
import static dev.steward.platform.db.generated.Tables.ORG_UNIT;
import static dev.steward.platform.db.generated.Tables.PERSON;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Sample data asked for on a database that already holds a real person: refused, and nothing is written. */
@TestPropertySource(properties = "steward.test.context=sample-data-refusal")
class SampleDataRefusalTest extends KaribuTest {

    @Autowired
    SampleDataLoader loader;
    @Autowired
    SampleInstall install;
    @Autowired
    PeopleDirectory people;
    @Autowired
    DSLContext dsl;

    @Test
    void a_database_with_real_people_is_refused_with_a_clear_reason_and_nothing_is_written() {
        loginAs("root", Role.ADMIN);
        people.save(new PersonForm(null, 0, "R-1", "Real Person", "real.person@example.org", null, null, null,
                EmploymentStatus.ACTIVE, null, null));
        logout();
        int users = dsl.fetchCount(APP_USER);
        int audit = dsl.fetchCount(AUDIT_LOG);

        assertThatThrownBy(loader::load).isInstanceOf(SampleDataRefused.class)
                .hasMessageContaining("already holds real data (1 person)")
                .hasMessageContaining("--demo");

        assertThat(install.isSampleInstall()).isFalse();
        assertThat(dsl.fetchCount(PERSON)).isEqualTo(1);
        assertThat(dsl.fetchCount(ORG_UNIT)).isZero();
        assertThat(dsl.fetchCount(APP_USER)).isEqualTo(users);
        assertThat(dsl.fetchCount(AUDIT_LOG)).isEqualTo(audit);
    }

    @Test
    void the_command_line_flag_demo_means_the_sample_data_property_and_a_refusal_is_found_behind_a_failed_start() {
        assertThat(DemoArguments.expand(new String[]{"--server.port=0", "--demo"})).containsExactly("--server.port=0", "--steward.demo=true");
        assertThat(DemoArguments.isDemo(new String[]{"--demo"})).isTrue();
        assertThat(DemoArguments.isDemo(new String[]{"--server.port=0"})).isFalse();
        var refused = new SampleDataRefused(java.util.List.of("3 people"));
        assertThat(DemoArguments.refusal(new IllegalStateException("start failed", refused))).isSameAs(refused);
        assertThat(DemoArguments.refusal(new IllegalStateException("other"))).isNull();
    }
}
