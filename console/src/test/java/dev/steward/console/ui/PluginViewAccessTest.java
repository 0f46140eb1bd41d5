package dev.steward.console.ui;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.sidenav.SideNavItem;
import dev.steward.console.ui.shell.ForbiddenView;
import dev.steward.platform.security.Role;
import dev.steward.testkit.console.KaribuTest;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.util.Set;

import static com.github.mvysny.kaributesting.v10.LocatorJ._find;
import static dev.steward.platform.security.Role.ADMIN;
import static dev.steward.platform.security.Role.AUDITOR;
import static dev.steward.platform.security.Role.SECURITY_ANALYST;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * A plugin's view, opened by each role: the host shows its menu entry and opens it exactly for the roles its
 * permission is granted to (the test plugin "sample" grants sample.read to administrators, analysts and auditors);
 * the other roles get the "No access" page by address too. The bundled plugins' views are in the application's
 * RoleViewMatrixTest.
 */
class PluginViewAccessTest extends KaribuTest {

    private static final Set<Role> ALLOWED = Set.of(ADMIN, SECURITY_ANALYST, AUDITOR);

    @ParameterizedTest
    @EnumSource(Role.class)
    void the_sample_plugins_view_opens_exactly_for_the_roles_holding_its_permission(Role role) {
        loginAs("sample-" + role.name().toLowerCase(), role);
        UI.getCurrent().navigate("");
        assertThat(_find(SideNavItem.class).stream().map(SideNavItem::getLabel).anyMatch("Sample notes"::equals))
                .as("%s sees the menu entry", role).isEqualTo(ALLOWED.contains(role));

        UI.getCurrent().navigate("sample");
        assertThat(_find(ForbiddenView.class).isEmpty()).as("%s may open /sample", role).isEqualTo(ALLOWED.contains(role));
    }
}
