package com.example.hello;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import dev.steward.platform.security.Role;
import dev.steward.testkit.console.ActionMatrix;
import dev.steward.testkit.console.ActionMatrix.Action;
import dev.steward.testkit.console.KaribuTest;
import dev.steward.testkit.console.PluginServiceTestBase;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

import static com.github.mvysny.kaributesting.v10.LocatorJ._find;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The example plugin tested as a third party tests theirs, with Steward's console test kit: the plugin runs inside the
 * real console (its migrations on a fresh database, its permission, its view), signed in as users of each role.
 */
class HelloPluginTest {

    /** The service: who may read the greetings (the role x action matrix) and what they read. */
    @Nested
    class Service extends PluginServiceTestBase {

        static final List<Action<Service>> ACTIONS = List.of(
                new Action<>("read the greetings", Set.of(Role.ADMIN, Role.PRIVACY_OFFICER), t -> t.bean(Greetings.class).all()));

        static Stream<Arguments> roleAndAction() {
            return ActionMatrix.everyRoleAndAction(ACTIONS);
        }

        @Override
        protected String pluginId() {
            return "hello";
        }

        @ParameterizedTest(name = "{0}: {1}")
        @MethodSource("roleAndAction")
        void each_action_is_allowed_exactly_for_its_roles(Role role, Action<Service> action) {
            ActionMatrix.assertAllowedExactlyForItsRoles(this, role, action);
        }

        @Test
        void a_privacy_officer_reads_the_greeting_of_the_plugins_migration() {
            loginAs("olivia", Role.PRIVACY_OFFICER);
            assertThat(bean(Greetings.class).all()).containsExactly("Hello from a drop-in plugin");
        }
    }

    /** The page, through the real Vaadin components. */
    @Nested
    class Page extends KaribuTest {

        @Test
        void a_privacy_officer_sees_the_greetings() {
            loginAs("olivia", Role.PRIVACY_OFFICER);
            UI.getCurrent().navigate("hello");
            assertThat(_find(Paragraph.class).stream().map(Paragraph::getText)).contains("Hello from a drop-in plugin");
        }

        @Test
        void a_manager_opening_the_page_by_its_address_is_refused() {
            loginAs("max", Role.MANAGER);
            UI.getCurrent().navigate("hello");
            assertThat(_find(H2.class).stream().map(H2::getText)).containsExactly("No access");
            assertThat(_find(Paragraph.class).stream().map(Paragraph::getText)).doesNotContain("Hello from a drop-in plugin");
        }
    }
}
