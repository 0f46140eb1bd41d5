package dev.steward.console.ui;

import dev.steward.testkit.console.KaribuTest;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.html.Paragraph;
import dev.steward.platform.security.Role;
import org.junit.jupiter.api.Test;

import static com.github.mvysny.kaributesting.v10.LocatorJ._find;
import static org.assertj.core.api.Assertions.assertThat;

class EmptyDashboardTest extends KaribuTest {

    @Test
    void an_administrator_learns_the_role_holds_no_module_role_which_modules_are_installed_and_where_to_start() {
        loginAs("root", Role.ADMIN);
        UI.getCurrent().navigate("");
        assertThat(_find(Paragraph.class)).map(Paragraph::getText).anyMatch(t -> t.contains("holds no role in any module")
                && t.contains("Access reviews") && t.contains("Incident response") && t.contains("Vendor registry")
                && t.contains("give yourself or others its role under Users"));
        assertThat(_find(com.vaadin.flow.component.html.Anchor.class)).extracting(com.vaadin.flow.component.html.Anchor::getHref)
                .contains("admin/users", "getting-started");
    }

    @Test
    void a_user_with_no_cards_gets_a_helpful_empty_state() {
        // managers' only card is their pending access reviews: with that module disabled they have none
        var registry = context.getBean(dev.steward.platform.plugin.ExtensionRegistry.class);
        registry.setEnabled("reviews", false, "test");
        try {
            loginAs("mona", Role.MANAGER);
            UI.getCurrent().navigate("");
            assertThat(_find(Paragraph.class)).anyMatch(p -> p.getText().startsWith("Nothing on your dashboard yet"));
            assertThat(_find(Paragraph.class)).anyMatch(p -> p.getText().contains("ask your administrator"));
        } finally {
            registry.setEnabled("reviews", true, "test");
        }
    }
}
