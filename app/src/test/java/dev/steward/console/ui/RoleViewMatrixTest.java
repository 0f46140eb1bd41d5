package dev.steward.console.ui;

import dev.steward.testkit.console.KaribuTest;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.sidenav.SideNavItem;
import dev.steward.console.ui.shell.ForbiddenView;
import dev.steward.platform.security.Role;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

import static com.github.mvysny.kaributesting.v10.LocatorJ._find;
import static dev.steward.platform.security.Role.ADMIN;
import static dev.steward.platform.security.Role.AUDITOR;
import static dev.steward.platform.security.Role.SECURITY_ANALYST;
import static dev.steward.platform.security.Role.MANAGER;
import static dev.steward.platform.security.Role.PRIVACY_OFFICER;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Each role x each view: the menu shows exactly the allowed entries, and opening a URL directly is allowed or
 * refused on the server. Plugins extend {@link #VIEWS} with theirs.
 */
class RoleViewMatrixTest extends KaribuTest {

    /** @param label the side-navigation label, or null for a view reached another way (the user menu) */
    record ViewRule(String label, String path, Set<Role> allowed) {
    }

    static final List<ViewRule> VIEWS = List.of(
            new ViewRule("Dashboard", "", Set.of(Role.values())),
            new ViewRule("My work", "my-work", Set.of(Role.values())),
            new ViewRule("People", "people", Set.of(Role.values())),
            new ViewRule("Org units", "people/org-units", Set.of(Role.values())),
            new ViewRule("Privacy catalogue", "catalog", Set.of(Role.values())),
            new ViewRule("Getting started", "getting-started", Set.of(ADMIN)),
            new ViewRule("Users", "admin/users", Set.of(ADMIN)),
            new ViewRule("Roles & permissions", "admin/roles", Set.of(ADMIN)),
            new ViewRule("Plugins", "admin/plugins", Set.of(ADMIN)),
            new ViewRule("Audit log", "admin/audit", Set.of(ADMIN, AUDITOR)),
            new ViewRule("Jobs", "admin/jobs", Set.of(ADMIN)),
            new ViewRule("Mail outbox", "admin/outbox", Set.of(ADMIN)),
            new ViewRule("API tokens", "admin/api-tokens", Set.of(ADMIN)),
            new ViewRule("Incidents", "incidents", Set.of(SECURITY_ANALYST, PRIVACY_OFFICER, AUDITOR)),
            new ViewRule("Breach register", "incidents/register", Set.of(SECURITY_ANALYST, PRIVACY_OFFICER, AUDITOR)),
            new ViewRule("Notification rules", "incidents/rules", Set.of(SECURITY_ANALYST, PRIVACY_OFFICER, AUDITOR)),
            new ViewRule("Notice templates", "incidents/templates", Set.of(SECURITY_ANALYST, PRIVACY_OFFICER, AUDITOR)),
            new ViewRule(null, "incidents/1", Set.of(SECURITY_ANALYST, PRIVACY_OFFICER, AUDITOR)),
            new ViewRule("My reviews", "reviews/my", Set.of(MANAGER, SECURITY_ANALYST, PRIVACY_OFFICER)),
            new ViewRule("Campaigns", "reviews/campaigns", Set.of(SECURITY_ANALYST, PRIVACY_OFFICER, AUDITOR)),
            new ViewRule("Systems and imports", "reviews/systems", Set.of(SECURITY_ANALYST, PRIVACY_OFFICER, AUDITOR)),
            new ViewRule("Remediation", "reviews/remediation", Set.of(SECURITY_ANALYST, PRIVACY_OFFICER, AUDITOR)),
            new ViewRule("Vendor registry", "vendors", Set.of(SECURITY_ANALYST, PRIVACY_OFFICER, AUDITOR)),
            new ViewRule("Data-sharing matrix", "vendors/matrix", Set.of(SECURITY_ANALYST, PRIVACY_OFFICER, AUDITOR)),
            new ViewRule("My vendors", "vendors/mine", Set.of(MANAGER, SECURITY_ANALYST)),
            new ViewRule(null, "vendors/1", Set.of(SECURITY_ANALYST, PRIVACY_OFFICER, AUDITOR)),
            new ViewRule(null, "vendors/mine/1", Set.of(MANAGER, SECURITY_ANALYST)),
            new ViewRule("Requests", "requests", Set.of(PRIVACY_OFFICER, AUDITOR)),
            new ViewRule(null, "requests/1", Set.of(PRIVACY_OFFICER, AUDITOR)),
            new ViewRule("Verification rules", "requests/verification-rules", Set.of(PRIVACY_OFFICER, AUDITOR)),
            new ViewRule("Clocks and promises", "requests/clocks", Set.of(PRIVACY_OFFICER, AUDITOR)),
            new ViewRule("Request intake", "requests/intake", Set.of(PRIVACY_OFFICER)),
            new ViewRule("Request metrics", "requests/metrics", Set.of(PRIVACY_OFFICER, AUDITOR)),
            new ViewRule("My request tasks", "requests/my-tasks", Set.of(PRIVACY_OFFICER, SECURITY_ANALYST, MANAGER)),
            new ViewRule(null, "privacy-request", Set.of(Role.values())),
            new ViewRule(null, "processor-confirmation/not-a-token", Set.of(Role.values())),
            new ViewRule(null, "account/notifications", Set.of(Role.values())),
            new ViewRule(null, "account/settings", Set.of(Role.values())),
            new ViewRule(null, "password", Set.of(Role.values())),
            new ViewRule(null, "search", Set.of(Role.values())));

    static Stream<Arguments> roleAndView() {
        return Stream.of(Role.values()).flatMap(role -> VIEWS.stream().map(view -> Arguments.of(role, view)));
    }

    @ParameterizedTest(name = "{0} opening /{1}")
    @MethodSource("roleAndView")
    void opening_a_view_by_url_is_allowed_exactly_for_its_roles(Role role, ViewRule view) {
        loginAs("matrix-" + role.name().toLowerCase(), role);
        UI.getCurrent().navigate(view.path());
        boolean refused = !_find(ForbiddenView.class).isEmpty();
        assertThat(refused).as("%s refused on /%s", role, view.path()).isEqualTo(!view.allowed().contains(role));
    }

    @ParameterizedTest
    @EnumSource(Role.class)
    void the_menu_shows_exactly_the_entries_of_the_role(Role role) {
        loginAs("menu-" + role.name().toLowerCase(), role);
        UI.getCurrent().navigate("");
        List<String> labels = _find(SideNavItem.class).stream().map(SideNavItem::getLabel).toList();
        List<String> expected = VIEWS.stream().filter(v -> v.label() != null && v.allowed().contains(role)).map(ViewRule::label).toList();
        assertThat(labels).containsExactlyInAnyOrderElementsOf(expected);
    }
}
