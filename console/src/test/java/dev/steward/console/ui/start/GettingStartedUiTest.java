package dev.steward.console.ui.start;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.sidenav.SideNavItem;
import dev.steward.console.ui.shell.DashboardView;
import dev.steward.console.ui.shell.ForbiddenView;
import dev.steward.platform.onboarding.GettingStarted;
import dev.steward.platform.people.EmploymentStatus;
import dev.steward.platform.people.PeopleDirectory;
import dev.steward.platform.people.PersonForm;
import dev.steward.platform.security.Role;
import dev.steward.platform.security.UserAccountService;
import dev.steward.testkit.console.KaribuTest;
import org.jooq.DSLContext;
import org.junit.jupiter.api.Test;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.test.context.TestPropertySource;

import java.util.EnumSet;
import java.util.List;

import static com.github.mvysny.kaributesting.v10.LocatorJ._click;
import static com.github.mvysny.kaributesting.v10.LocatorJ._find;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The getting-started checklist of a new installation (its own fresh database): the host's steps and the sample
 * plugin's, each ticked from real state as it is done, each linked to where it is done for a user who may do it and
 * naming the roles that can for one who may not; administrators only.
 */
@TestPropertySource(properties = "steward.test.fresh-installation=getting-started")
class GettingStartedUiTest extends KaribuTest {

    @Test
    void each_step_ticks_itself_once_the_installation_has_done_it() {
        loginAs("root", Role.ADMIN);
        UI.getCurrent().navigate(GettingStartedView.class);
        assertThat(titles()).containsExactly("Create users and give them roles", "Import people", "Configure mail",
                "Tick the sample job once");
        assertThat(row("Create users and give them roles").step.done()).as("the first administrator alone").isFalse();
        assertThat(row("Import people").step.done()).isFalse();
        assertThat(row("Configure mail").step.done()).as("no SMTP host in tests").isFalse();
        assertThat(row("Tick the sample job once").step.done()).isFalse();
        assertThat(_get(GettingStartedView.class).progressText.getText()).isEqualTo("0 of 4 steps done.");

        context.getBean(UserAccountService.class).create("olga", "Olga", null, EnumSet.of(Role.PRIVACY_OFFICER));
        context.getBean(PeopleDirectory.class).save(new PersonForm(null, 0, "E1", "Ada Lovelace", "ada@example.com",
                "Analyst", null, null, EmploymentStatus.ACTIVE, null, null));
        context.getBean(DSLContext.class).execute("insert into sample.job_tick default values");

        UI.getCurrent().navigate(GettingStartedView.class);
        assertThat(row("Create users and give them roles").step.done()).isTrue();
        assertThat(row("Import people").step.done()).isTrue();
        assertThat(row("Tick the sample job once").step.done()).isTrue();
        assertThat(row("Configure mail").step.done()).isFalse();
        assertThat(_get(GettingStartedView.class).progressText.getText()).isEqualTo("3 of 4 steps done.");
    }

    @Test
    void a_step_links_to_where_it_is_done_for_whoever_may_do_it_and_names_the_roles_that_can_for_the_others() {
        loginAs("root", Role.ADMIN);
        UI.getCurrent().navigate(GettingStartedView.class);
        assertThat(_find(row("Import people"), Anchor.class)).extracting(Anchor::getHref).containsExactly("people");
        assertThat(_find(row("Configure mail"), Anchor.class)).extracting(Anchor::getHref).containsExactly("admin/outbox");

        StepRow sample = row("Tick the sample job once");
        assertThat(_find(sample, Anchor.class)).as("no way into a step the administrator may not do")
                .extracting(Anchor::getHref).containsExactly("admin/users");
        assertThat(_find(sample, Paragraph.class)).anyMatch(p -> p.getElement().getTextRecursively().contains("Only a privacy officer can tick the sample job once.")
                && p.getElement().getTextRecursively().contains("Give that role to someone, or to yourself, under Users"));

        loginAs("root-and-officer", Role.ADMIN, Role.PRIVACY_OFFICER);
        UI.getCurrent().navigate(GettingStartedView.class);
        assertThat(_find(row("Tick the sample job once"), Anchor.class)).extracting(Anchor::getHref).containsExactly("sample");
    }

    @Test
    void administrators_find_it_in_the_menu_and_on_the_dashboard_until_they_hide_it() {
        loginAs("root", Role.ADMIN);
        UI.getCurrent().navigate(DashboardView.class);
        assertThat(_find(SideNavItem.class)).anyMatch(item -> "Getting started".equals(item.getLabel()));
        assertThat(_find(Anchor.class)).anyMatch(a -> "getting-started".equals(a.getHref()) && "Continue setting up".equals(a.getText()));

        UI.getCurrent().navigate(GettingStartedView.class);
        _click(_get(GettingStartedView.class).hide);
        assertThat(_get(GettingStartedView.class).hide.getText()).isEqualTo("Show on the dashboard");
        UI.getCurrent().navigate(DashboardView.class);
        assertThat(_find(Anchor.class)).noneMatch(a -> "Continue setting up".equals(a.getText()));
        assertThat(_find(SideNavItem.class)).as("the page stays in the menu").anyMatch(item -> "Getting started".equals(item.getLabel()));

        UI.getCurrent().navigate(GettingStartedView.class);
        _click(_get(GettingStartedView.class).hide);
        UI.getCurrent().navigate(DashboardView.class);
        assertThat(_find(Anchor.class)).anyMatch(a -> "Continue setting up".equals(a.getText()));
    }

    @Test
    void a_step_says_who_can_do_it_in_the_words_every_screen_uses_and_a_step_no_role_may_do_says_the_user_may_not() {
        loginAs("root", Role.ADMIN);
        var officers = new GettingStarted.Step("Import people", "", "people", false, false, List.of(Role.PRIVACY_OFFICER, Role.MANAGER));
        assertThat(StepRow.whoCan(officers, false).getElement().getTextRecursively().strip())
                .isEqualTo("Only a privacy officer or a manager can import people.");
        var nobody = new GettingStarted.Step("Connect the LDAP directory", "", "x", false, false, List.of());
        assertThat(StepRow.whoCan(nobody, true).getElement().getTextRecursively().strip()).isEqualTo("You may not connect the LDAP directory.");
        assertThat(StepRow.asAction("LDAP sync")).isEqualTo("LDAP sync");
    }

    @Test
    void a_user_who_is_no_administrator_can_neither_open_the_checklist_nor_read_or_hide_it_through_the_service() {
        for (Role role : List.of(Role.PRIVACY_OFFICER, Role.SECURITY_ANALYST, Role.MANAGER, Role.AUDITOR)) {
            loginAs("not-admin", role);
            UI.getCurrent().navigate("getting-started");
            assertThat(_find(ForbiddenView.class)).as("%s opens /getting-started", role).hasSize(1);
            assertThat(_find(SideNavItem.class)).noneMatch(item -> "Getting started".equals(item.getLabel()));
            UI.getCurrent().navigate(DashboardView.class);
            assertThat(_find(Anchor.class)).noneMatch(a -> "Continue setting up".equals(a.getText()));

            GettingStarted service = context.getBean(GettingStarted.class);
            assertThatThrownBy(service::checklist).isInstanceOf(AccessDeniedException.class);
            assertThatThrownBy(() -> service.setHidden(true)).isInstanceOf(AccessDeniedException.class);
        }
        loginAs("root", Role.ADMIN);
        assertThat(context.getBean(GettingStarted.class).checklist().hidden()).as("nothing changed").isFalse();
    }

    private static List<String> titles() {
        return _find(StepRow.class).stream().map(r -> r.step.title()).toList();
    }

    private static StepRow row(String title) {
        return _find(StepRow.class).stream().filter(r -> r.step.title().equals(title)).findFirst().orElseThrow();
    }
}
