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
