package dev.steward.platform.notifications;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.GreenMailUtil;
import com.icegreen.greenmail.util.ServerSetup;
import dev.steward.platform.security.UserAccountService;
import jakarta.mail.internet.MimeMessage;
import org.jooq.DSLContext;
import org.jooq.exception.DataAccessException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.security.test.context.support.WithMockUser;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.time.Instant;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicReference;
import java.util.List;
import java.util.Map;

import static dev.steward.platform.db.generated.Tables.APP_USER;
import static dev.steward.platform.db.generated.Tables.MAIL_OUTBOX;
import static dev.steward.platform.db.generated.Tables.NOTIFICATION;
import static dev.steward.platform.db.generated.Tables.NOTIFICATION_PREFERENCE;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

/** Mail over real SMTP (GreenMail on a local port), through the outbox and its sender. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.NONE, properties = {
        "steward.jobs.enabled=false", "steward.base-url=https://steward.example.org"})
class NotificationMailTest {

    static final int SMTP_PORT = freePort();
    private GreenMail smtp;

    @DynamicPropertySource
    static void smtp(DynamicPropertyRegistry registry) {
        registry.add("spring.mail.host", () -> "127.0.0.1");
        registry.add("spring.mail.port", () -> SMTP_PORT);
        registry.add("spring.mail.properties.mail.smtp.connectiontimeout", () -> 2000);
        registry.add("spring.mail.properties.mail.smtp.timeout", () -> 2000);
        registry.add("spring.mail.properties.mail.smtp.writetimeout", () -> 2000);
    }

    @Autowired
    NotificationCenter notifications;
    @Autowired
    MailOutbox outbox;
    @Autowired
    UserAccountService users;
    @Autowired
    DSLContext dsl;
    @Autowired
    NotificationJobs.DigestWriter digests;

    @BeforeEach
    void aUserWithAnEmail() {
        dsl.deleteFrom(MAIL_OUTBOX).execute();
        if (!dsl.fetchExists(APP_USER, APP_USER.USERNAME.eq("ana"))) {
            users.createInitialAdmin("ana", "a-long-passphrase-1", false);
            dsl.update(APP_USER).set(APP_USER.EMAIL, "ana@example.org").where(APP_USER.USERNAME.eq("ana")).execute();
        }
    }

    @AfterEach
    void stopSmtp() {
        if (smtp != null) {
            smtp.stop();
        }
    }

    private void startSmtp() {
        smtp = new GreenMail(new ServerSetup(SMTP_PORT, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
        smtp.start();
    }

    private static Notification assigned(String title) {
        return new Notification("incidents", "incidents.assigned", "ana", title, "You were assigned <b>this</b> & that",
                "incidents/42", Map.of());
    }

    @Test
    void a_notification_arrives_by_mail_with_recipient_subject_and_link_and_escaped_html() throws Exception {
        startSmtp();
        notifications.send(assigned("Incident <42> assigned"));
        assertThat(outbox.sendDue(10)).isEqualTo(1);
        MimeMessage[] received = smtp.getReceivedMessages();
        assertThat(received).hasSize(1);
        assertThat(received[0].getAllRecipients()[0].toString()).isEqualTo("ana@example.org");
        assertThat(received[0].getSubject()).isEqualTo("[Steward] Incident <42> assigned");
        String body = GreenMailUtil.getBody(received[0]);
        assertThat(body).contains("https://steward.example.org/incidents/42")
                .contains("Incident &lt;42&gt; assigned").contains("&lt;b&gt;this&lt;/b&gt; &amp; that");
    }

    @Test
    void with_smtp_down_the_mail_waits_with_its_error_and_is_sent_exactly_once_when_smtp_is_back() {
        notifications.send(assigned("Incident 7 assigned"));
        assertThat(outbox.sendDue(10)).isZero();
        var failed = dsl.selectFrom(MAIL_OUTBOX).fetchOne();
        assertThat(failed.getStatus()).isEqualTo("FAILED");
        assertThat(failed.getAttempts()).isEqualTo(1);
        assertThat(failed.getLastError()).isNotBlank();
        assertThat(failed.getNextAttemptAt()).isAfter(failed.getCreatedAt());

        startSmtp();
        assertThat(outbox.sendDue(10)).as("not due yet: backoff").isZero();
        dsl.update(MAIL_OUTBOX).set(MAIL_OUTBOX.NEXT_ATTEMPT_AT, Instant.now()).execute(); // "retry now"
        assertThat(outbox.sendDue(10)).isEqualTo(1);
        assertThat(outbox.sendDue(10)).isZero();
        assertThat(smtp.getReceivedMessages()).hasSize(1);
        assertThat(dsl.selectFrom(MAIL_OUTBOX).fetchOne().getStatus()).isEqualTo("SENT");
    }

    @Test
    void a_mail_server_that_never_answers_costs_one_timeout_while_no_row_lock_or_transaction_is_held() throws Exception {
        notifications.send(assigned("Incident 9 assigned"));
        long id = dsl.select(MAIL_OUTBOX.ID).from(MAIL_OUTBOX).fetchOne(MAIL_OUTBOX.ID);
        AtomicReference<String> whileTalking = new AtomicReference<>();
        try (ServerSocket silent = new ServerSocket(SMTP_PORT, 50, InetAddress.getByName("127.0.0.1"))) {
            Thread server = Thread.ofPlatform().daemon().start(() -> {
                try (Socket connection = silent.accept()) {
                    whileTalking.set(rowLocked(id) + ", " + openTransactions() + " open transaction(s)");
                    connection.getInputStream().transferTo(OutputStream.nullOutputStream()); // never answers, until the client gives up
                } catch (IOException ignored) {
                    // the client hung up
                }
            });
            long started = System.nanoTime();
            int sent = assertTimeoutPreemptively(Duration.ofSeconds(20), () -> outbox.sendDue(10));
            assertThat(sent).isZero();
            assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(8));
            server.join(5000);
        }
        assertThat(whileTalking.get()).isEqualTo("row free, 0 open transaction(s)");
        var failed = dsl.selectFrom(MAIL_OUTBOX).where(MAIL_OUTBOX.ID.eq(id)).fetchOne();
        assertThat(failed.getStatus()).isEqualTo("FAILED");
        assertThat(failed.getAttempts()).isEqualTo(1);
        assertThat(failed.getLastError()).isNotBlank();
    }

    private String rowLocked(long id) {
        try {
            dsl.selectFrom(MAIL_OUTBOX).where(MAIL_OUTBOX.ID.eq(id)).forUpdate().noWait().fetch();
            return "row free";
        } catch (DataAccessException e) {
            return "row locked";
        }
    }

    private int openTransactions() {
        return ((Number) dsl.fetchValue("select count(*) from pg_stat_activity where datname = current_database() "
                + "and state like 'idle in transaction%' and pid <> pg_backend_pid()")).intValue();
    }

    @Test
    @WithMockUser("ana")
    void preferences_turn_email_off_or_into_one_daily_digest() throws Exception {
        notifications.setPreference("incidents.assigned", true, EmailMode.OFF);
        notifications.send(assigned("Quiet one"));
        assertThat(dsl.fetchCount(MAIL_OUTBOX)).isZero();
        assertThat(notifications.unreadCount()).isGreaterThanOrEqualTo(1);

        notifications.setPreference("incidents.assigned", true, EmailMode.DIGEST);
        notifications.send(assigned("First of the day"));
        notifications.send(assigned("Second of the day"));
        assertThat(dsl.fetchCount(MAIL_OUTBOX)).isZero();
        digests.writeAll();
        digests.writeAll(); // nothing left for a second digest
        startSmtp();
        assertThat(outbox.sendDue(10)).isEqualTo(1);
        MimeMessage digest = smtp.getReceivedMessages()[0];
        assertThat(digest.getSubject()).isEqualTo("[Steward] 2 notification(s) today");
        assertThat(GreenMailUtil.getBody(digest)).contains("First of the day").contains("Second of the day");
        notifications.setPreference("incidents.assigned", true, EmailMode.IMMEDIATE);
    }

    @Test
    void many_at_once_follow_each_recipients_preferences_like_one_by_one() {
        if (!dsl.fetchExists(APP_USER, APP_USER.USERNAME.eq("bo"))) {
            users.createInitialAdmin("bo", "a-long-passphrase-2", false);
            dsl.update(APP_USER).set(APP_USER.EMAIL, "bo@example.org").where(APP_USER.USERNAME.eq("bo")).execute();
        }
        dsl.deleteFrom(NOTIFICATION_PREFERENCE).where(NOTIFICATION_PREFERENCE.USERNAME.in("ana", "bo")).execute();
        dsl.insertInto(NOTIFICATION_PREFERENCE, NOTIFICATION_PREFERENCE.USERNAME, NOTIFICATION_PREFERENCE.KIND,
                NOTIFICATION_PREFERENCE.IN_APP, NOTIFICATION_PREFERENCE.EMAIL).values("bo", "reviews.assigned", false, EmailMode.OFF).execute();
        int bellBefore = dsl.fetchCount(NOTIFICATION);

        notifications.sendAll(List.of(
                new Notification("reviews", "reviews.assigned", "ana", "Access review: Q4", "5 item(s)", "reviews/my", Map.of()),
                new Notification("reviews", "reviews.assigned", "bo", "Access review: Q4", "3 item(s)", "reviews/my", Map.of()),
                new Notification("reviews", "reviews.assigned", "nobody-with-an-account", "Access review: Q4", "1 item(s)", "reviews/my", Map.of())));

        // ana: bell and mail (defaults); bo: neither (his preference); no account: bell only (no address)
        assertThat(dsl.select(NOTIFICATION.RECIPIENT).from(NOTIFICATION).orderBy(NOTIFICATION.ID.desc()).limit(2).fetch(NOTIFICATION.RECIPIENT))
                .containsExactlyInAnyOrder("ana", "nobody-with-an-account");
        assertThat(dsl.fetchCount(NOTIFICATION)).isEqualTo(bellBefore + 2);
        assertThat(dsl.select(MAIL_OUTBOX.RECIPIENT_EMAIL).from(MAIL_OUTBOX).fetch(MAIL_OUTBOX.RECIPIENT_EMAIL)).containsExactly("ana@example.org");
        notifications.sendAll(List.of());
        assertThat(dsl.fetchCount(NOTIFICATION)).isEqualTo(bellBefore + 2);
    }

    @Test
    void backoff_doubles_and_is_capped() {
        assertThat(MailOutbox.backoff(1)).hasMinutes(1);
        assertThat(MailOutbox.backoff(4)).hasMinutes(8);
        assertThat(MailOutbox.backoff(30)).isEqualTo(MailOutbox.MAX_BACKOFF);
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
