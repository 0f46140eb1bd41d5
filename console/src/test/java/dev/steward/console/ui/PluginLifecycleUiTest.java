package dev.steward.console.ui;

import dev.steward.testkit.console.KaribuTest;
import com.vaadin.flow.component.UI;
import com.github.mvysny.kaributesting.v10.GridKt;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.grid.Grid;
import dev.steward.platform.plugin.PluginStatus;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.sidenav.SideNavItem;
import dev.steward.console.ui.admin.PluginsView;
import dev.steward.console.ui.shell.PluginUnavailableView;
import dev.steward.platform.audit.AuditLogQuery;
import dev.steward.platform.plugin.ExtensionRegistry;
import dev.steward.platform.security.Role;
import dev.steward.testplugins.sample.SampleView;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import static com.github.mvysny.kaributesting.v10.LocatorJ._click;
import static com.github.mvysny.kaributesting.v10.LocatorJ._find;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.assertj.core.api.Assertions.assertThat;

/** The sample plugin contributes a view, a menu entry and a dashboard card; an admin switches it off and on at runtime. */
class PluginLifecycleUiTest extends KaribuTest {

    @Autowired
    ExtensionRegistry registry;
    @Autowired
    AuditLogQuery audit;

    @AfterEach
    void enableSampleAgain() {
        registry.setEnabled("sample", true, "test");
    }

    private boolean menuHas(String label) {
        return _find(SideNavItem.class).stream().anyMatch(i -> i.getLabel().equals(label));
    }

    private boolean dashboardHasCard(String title) {
        return _find(H3.class).stream().anyMatch(h -> h.getText().equals(title));
    }

    @SuppressWarnings("unchecked")
    private void clickToggleOf(String pluginId) {
        UI.getCurrent().navigate(PluginsView.class);
        Grid<PluginStatus> grid = _get(Grid.class);
        for (int row = 0; row < GridKt._size(grid); row++) {
            if (GridKt._get(grid, row).id().equals(pluginId)) {
                _click((Button) GridKt._getCellComponent(grid, row, "toggle"));
                return;
            }
        }
        throw new AssertionError("No row for plugin " + pluginId);
    }

    @Test
    void a_disabled_plugin_refuses_service_calls_with_the_reason() {
        loginAs("ana", Role.SECURITY_ANALYST);
        var notes = registry.contextOf("sample").orElseThrow().getBean(dev.steward.testplugins.sample.SampleNotes.class);
        assertThat(notes.notes()).containsExactly("hello from the sample plugin");
        registry.setEnabled("sample", false, "test");
        org.assertj.core.api.Assertions.assertThatThrownBy(notes::notes)
                .isInstanceOf(dev.steward.platform.plugin.PluginDisabledException.class)
                .hasMessage("The module 'sample' is disabled: Disabled by an administrator");
    }

    @Test
    void a_plugin_service_checks_its_permission_on_the_server() {
        loginAs("mona", Role.MANAGER);
        var notes = registry.contextOf("sample").orElseThrow().getBean(dev.steward.testplugins.sample.SampleNotes.class);
        org.assertj.core.api.Assertions.assertThatThrownBy(notes::notes)
                .isInstanceOf(org.springframework.security.authorization.AuthorizationDeniedException.class);
    }

    @Test
    void a_plugin_view_is_created_in_the_plugin_context_and_shows_the_plugin_data() {
        loginAs("ana", Role.SECURITY_ANALYST);
        UI.getCurrent().navigate("sample");
        _get(SampleView.class);
        assertThat(_find(Paragraph.class)).anyMatch(p -> p.getText().equals("hello from the sample plugin"));
    }

    @Test
    void disabling_a_plugin_hides_its_menu_entry_and_card_and_closes_its_route_without_restart() {
        loginAs("root", Role.ADMIN);
        UI.getCurrent().navigate("");
        assertThat(menuHas("Sample notes")).isTrue();
        assertThat(dashboardHasCard("Sample notes")).isTrue();

        clickToggleOf("sample");

        UI.getCurrent().navigate("");
        assertThat(menuHas("Sample notes")).isFalse();
        assertThat(dashboardHasCard("Sample notes")).isFalse();
        UI.getCurrent().navigate("sample");
        assertThat(_get(PluginUnavailableView.class).getElement().getTextRecursively())
                .contains("The module 'sample' is disabled (Disabled by an administrator)");

        var entries = audit.page(new AuditLogQuery.Filter(null, null, "root", "platform", "plugin_state", "sample", null), 0, 5);
        assertThat(entries).isNotEmpty();
        assertThat(entries.getFirst().after()).contains("\"enabled\":false");

        clickToggleOf("sample");
        UI.getCurrent().navigate("sample");
        _get(SampleView.class);
    }
}
