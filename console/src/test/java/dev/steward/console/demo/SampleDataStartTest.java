package dev.steward.console.demo;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import dev.steward.console.ui.shell.DashboardView;
import dev.steward.console.ui.shell.LoginView;
import dev.steward.platform.people.EmploymentStatus;
import dev.steward.platform.people.PeopleDirectory;
import dev.steward.platform.people.PersonFilter;
import dev.steward.platform.sample.SampleInstall;
import dev.steward.platform.security.Role;
import dev.steward.platform.security.UserAccount;
import dev.steward.platform.security.UserAccountService;
import dev.steward.testkit.console.KaribuTest;
import org.jooq.DSLContext;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.test.context.TestPropertySource;

import java.util.Map;
import java.util.stream.Collectors;

import static com.github.mvysny.kaributesting.v10.LocatorJ._find;
import static dev.steward.platform.db.generated.Tables.APP_USER;
import static dev.steward.platform.db.generated.Tables.AUDIT_LOG;
import static dev.steward.platform.db.generated.Tables.PERSON;
import static org.assertj.core.api.Assertions.assertThat;

/** A console started with {@code --steward.demo=true} on a fresh database: the host's part of the sample data. */
@TestPropertySource(properties = "steward.demo=true")
class SampleDataStartTest extends KaribuTest {

    @Autowired
    SampleDataLoader loader;
    @Autowired
    SampleInstall install;
    @Autowired
    UserAccountService users;
    @Autowired
    PeopleDirectory people;
    @Autowired
    DSLContext dsl;
    @Autowired
    PasswordEncoder encoder;

    @Test
    void a_demo_start_makes_the_sample_company_with_a_user_for_every_persona_and_marks_the_install() {
        assertThat(install.isSampleInstall()).isTrue();
        assertThat(install.loadedModules()).contains(SampleInstall.HOST);
        loginAs("root", Role.ADMIN);
        Map<String, String> roles = users.list().stream().filter(u -> !u.username().equals("admin"))
                .collect(Collectors.toMap(UserAccount::username, u -> u.roles().toString()));
        assertThat(roles).containsOnlyKeys("priya", "sam", "maria", "tom", "ada");
        assertThat(users.list()).extracting(UserAccount::roles).flatExtracting(r -> r)
                .contains(Role.ADMIN, Role.PRIVACY_OFFICER, Role.SECURITY_ANALYST, Role.MANAGER, Role.AUDITOR);
        assertThat(people.count(PersonFilter.none())).isEqualTo(dsl.fetchCount(PERSON)).isGreaterThan(20);
        assertThat(people.page(PersonFilter.none(), PeopleDirectory.Sort.NAME, false, 0, 100))
                .extracting(p -> p.status()).contains(EmploymentStatus.ACTIVE, EmploymentStatus.LEAVE, EmploymentStatus.TERMINATED);
        assertThat(people.orgUnits()).hasSizeGreaterThanOrEqualTo(4);
        assertThat(dsl.fetchCount(AUDIT_LOG, AUDIT_LOG.ACTOR.eq(SampleDataLoader.ACTOR))).as("audited as the sample loader")
                .isGreaterThan(20);
    }

    @Test
    void the_sample_users_sign_in_with_the_password_the_sign_in_page_shows() {
        var priya = dsl.selectFrom(APP_USER).where(APP_USER.USERNAME.eq("priya")).fetchSingle();
        assertThat(encoder.matches(SampleCompany.PASSWORD, priya.getPasswordHash())).isTrue();
        assertThat(priya.getMustChangePassword()).isFalse();
        UI.getCurrent().navigate(LoginView.class);
        String hint = _find(Paragraph.class).stream().map(Paragraph::getText).filter(t -> t.contains(SampleCompany.PASSWORD))
                .findFirst().orElseThrow();
        assertThat(hint).contains("Sample data — a made-up company", "priya (privacy officer)", "maria (manager)");
    }

    @Test
    void every_page_of_a_sample_install_shows_the_sample_data_badge() {
        loginAs("priya", Role.PRIVACY_OFFICER);
        UI.getCurrent().navigate(DashboardView.class);
        assertThat(_find(Span.class).stream().filter(Span::isVisible).map(Span::getText))
                .contains("Sample data — a made-up company");
    }

    @Test
    void a_second_start_loads_nothing() {
        int people = dsl.fetchCount(PERSON);
        assertThat(loader.load()).isEqualTo(SampleDataLoader.Outcome.ALREADY_LOADED);
        assertThat(dsl.fetchCount(PERSON)).isEqualTo(people);
        assertThat(install.loadedModules()).doesNotHaveDuplicates();
    }
}
