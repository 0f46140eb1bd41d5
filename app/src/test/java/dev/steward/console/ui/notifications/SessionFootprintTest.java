package dev.steward.console.ui.notifications;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.server.VaadinSession;
import dev.steward.testkit.console.KaribuTest;
import dev.steward.platform.notifications.Notification;
import dev.steward.platform.notifications.NotificationService;
import dev.steward.platform.security.Role;
import dev.steward.platform.ui.InactiveUiSweeper;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import java.time.Duration;
import java.util.Map;

import static com.github.mvysny.kaributesting.v10.LocatorJ._find;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.assertj.core.api.Assertions.assertThat;

/** What a signed-in page keeps on the server: no rows for a closed bell, no UI for a tab that stopped answering. */
class SessionFootprintTest extends KaribuTest {

    @Autowired
    NotificationService notifications;
    @Autowired
    InactiveUiSweeper sweeper;

    @Test
    void a_closed_bell_holds_only_its_badge_and_builds_the_rows_while_open() {
        for (int i = 1; i <= 3; i++) {
            notifications.send(new Notification("incidents", "incidents.assigned", "ana-light", "Incident " + i, null, "people", Map.of()));
        }
        loginAs("ana-light", Role.SECURITY_ANALYST);
        UI.getCurrent().navigate("");
        NotificationBell bell = _get(NotificationBell.class);
        assertThat(bell.badge.getText()).isEqualTo("3");
        assertThat(bell.list.getChildren()).isEmpty();
        assertThat(bell.list.getParent()).isEmpty();

        bell.popover.setOpened(true);
        assertThat(_find(bell.list, Anchor.class)).extracting(Anchor::getText).containsExactly("Incident 3", "Incident 2", "Incident 1");

        bell.popover.setOpened(false);
        assertThat(bell.list.getChildren()).isEmpty();
        assertThat(bell.badge.getText()).isEqualTo("3");
    }

    @Test
    void a_ui_whose_tab_stopped_sending_heartbeats_is_released_and_a_live_one_is_kept() {
        loginAs("ana-gone", Role.SECURITY_ANALYST);
        UI.getCurrent().navigate("");
        UI ui = UI.getCurrent();
        VaadinSession session = ui.getSession();
        ui.getInternals().setLastHeartbeatTimestamp(System.currentTimeMillis());
        sweeper.sweep(session.getService(), session);
        session.getService().runPendingAccessTasks(session);
        assertThat(session.getUIs()).contains(ui);

        ui.getInternals().setLastHeartbeatTimestamp(System.currentTimeMillis() - Duration.ofHours(1).toMillis());
        sweeper.sweep(session.getService(), session);
        session.getService().runPendingAccessTasks(session); // what unlocking the session does; the test holds the lock
        assertThat(ui.isClosing()).isTrue();
        assertThat(session.getUIs()).doesNotContain(ui);
    }
}
