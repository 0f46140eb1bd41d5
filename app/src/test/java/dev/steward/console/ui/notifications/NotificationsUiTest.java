package dev.steward.console.ui.notifications;

import com.github.mvysny.kaributesting.v10.GridKt;
import com.github.mvysny.kaributesting.v10.MockVaadin;
import com.vaadin.flow.component.UI;
import dev.steward.testkit.console.KaribuTest;
import dev.steward.platform.notifications.Notification;
import dev.steward.platform.notifications.NotificationService;
import dev.steward.platform.security.Role;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import java.util.Map;

import static com.github.mvysny.kaributesting.v10.LocatorJ._click;
import static com.github.mvysny.kaributesting.v10.LocatorJ._find;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.assertj.core.api.Assertions.assertThat;

class NotificationsUiTest extends KaribuTest {

    @Autowired
    NotificationService notifications;

    private static Notification toAna(String title) {
        return new Notification("incidents", "incidents.assigned", "ana-bell", title, null, "people", Map.of());
    }

    @Test
    void the_bell_counts_unread_updates_live_and_marks_read() {
        loginAs("ana-bell", Role.SECURITY_ANALYST);
        UI.getCurrent().navigate("");
        NotificationBell bell = _get(NotificationBell.class);
        assertThat(bell.badge.isVisible()).isFalse();

        notifications.send(toAna("Incident 1 assigned to you"));
        notifications.send(toAna("Incident 2 assigned to you"));
        MockVaadin.clientRoundtrip(false); // runs what the broadcaster queued with ui.access
        assertThat(bell.badge.getText()).isEqualTo("2");

        _click(bell.bell);
        bell.refresh();
        assertThat(_find(bell.list, com.vaadin.flow.component.html.Anchor.class)).extracting(a -> a.getText())
                .containsExactly("Incident 2 assigned to you", "Incident 1 assigned to you");
        _click(_find(bell.list, com.vaadin.flow.component.button.Button.class).getFirst());
        assertThat(bell.badge.getText()).isEqualTo("1");
    }

    @Test
    void another_users_notifications_are_not_in_my_bell() {
        notifications.send(new Notification("incidents", "incidents.assigned", "someone-else", "Not for you", null, null, Map.of()));
        loginAs("ana-quiet", Role.SECURITY_ANALYST);
        UI.getCurrent().navigate("");
        assertThat(_get(NotificationBell.class).badge.isVisible()).isFalse();
    }

    @Autowired
    dev.steward.platform.security.UserAccountService users;
    @Autowired
    org.jooq.DSLContext dsl;

    @Test
    void without_smtp_mail_waits_in_the_outbox_and_the_page_says_why() {
        users.createInitialAdmin("mailbox-owner", "a-long-passphrase-2", false);
        dsl.update(dev.steward.platform.db.generated.Tables.APP_USER).set(dev.steward.platform.db.generated.Tables.APP_USER.EMAIL, "owner@example.org")
                .where(dev.steward.platform.db.generated.Tables.APP_USER.USERNAME.eq("mailbox-owner")).execute();
        notifications.send(new Notification("vendors", "vendors.expiring", "mailbox-owner", "DPA expires soon", null, null, Map.of()));
        loginAs("root", Role.ADMIN);
        UI.getCurrent().navigate(OutboxView.class);
        OutboxView view = _get(OutboxView.class);
        assertThat(view.smtp.getText()).startsWith("No SMTP server is configured (spring.mail.host)");
        assertThat(GridKt._findAll(view.grid)).anySatisfy(mail -> {
            assertThat(mail.recipient()).isEqualTo("owner@example.org");
            assertThat(mail.subject()).isEqualTo("[Steward] DPA expires soon");
            assertThat(mail.status()).isEqualTo("PENDING");
        });
    }

    @Test
    void the_outbox_shows_when_a_failed_mail_is_tried_again_in_the_users_time() {
        users.createInitialAdmin("retry-owner", "a-long-passphrase-3", false);
        dsl.update(dev.steward.platform.db.generated.Tables.APP_USER).set(dev.steward.platform.db.generated.Tables.APP_USER.EMAIL, "retry@example.org")
                .where(dev.steward.platform.db.generated.Tables.APP_USER.USERNAME.eq("retry-owner")).execute();
        notifications.send(new Notification("vendors", "vendors.expiring", "retry-owner", "Retry me", null, null, Map.of()));
        var outbox = dev.steward.platform.db.generated.Tables.MAIL_OUTBOX;
        java.time.Instant retryAt = java.time.Instant.parse("2031-05-04T13:45:00Z");
        dsl.update(outbox).set(outbox.STATUS, "FAILED").set(outbox.ATTEMPTS, 2).set(outbox.LAST_ERROR, "MailSendException: Read timed out")
                .set(outbox.NEXT_ATTEMPT_AT, retryAt).where(outbox.RECIPIENT_EMAIL.eq("retry@example.org")).execute();
        loginAs("root", Role.ADMIN);
        java.util.TimeZone serverZone = java.util.TimeZone.getDefault();
        java.util.TimeZone.setDefault(java.util.TimeZone.getTimeZone("Europe/Berlin")); // the zone until the browser tells its own
        try {
            UI.getCurrent().navigate(OutboxView.class);
            OutboxView view = _get(OutboxView.class);
            var rows = GridKt._findAll(view.grid);
            int row = rows.indexOf(rows.stream().filter(m -> m.recipient().equals("retry@example.org")).findFirst().orElseThrow());
            assertThat(GridKt._getFormatted(view.grid, row, "nextAttempt")).isEqualTo("2031-05-04 15:45 CEST");
        } finally {
            java.util.TimeZone.setDefault(serverZone);
        }
    }
}
