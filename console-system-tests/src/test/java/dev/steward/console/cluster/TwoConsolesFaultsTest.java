package dev.steward.console.cluster;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import dev.steward.console.StewardApplication;
import dev.steward.platform.cluster.ClusterEvents;
import dev.steward.platform.notifications.MailOutbox;
import dev.steward.platform.notifications.Notification;
import dev.steward.platform.notifications.NotificationService;
import dev.steward.platform.security.PermissionCatalog;
import dev.steward.platform.security.Role;
import dev.steward.platform.security.SignedInSessions;
import dev.steward.platform.security.UserAccount;
import dev.steward.platform.security.UserAccountService;
import dev.steward.platform.spi.ScheduledJob;
import dev.steward.testkit.TestDatabase;
import dev.steward.testkit.TestPostgres;
import jakarta.mail.internet.MimeMessage;
import jakarta.servlet.http.HttpSessionEvent;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.springframework.boot.SpringApplication;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.context.SecurityContextHolderStrategy;
import org.springframework.security.core.context.SecurityContextImpl;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;

import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

/**
 * What held when two consoles on one database met faults, and must keep holding: each job tick runs once across the
 * consoles, and a console that dies mid-job frees the job after its lock time; an SMTP outage keeps every mail with its
 * error and each is delivered exactly once afterwards, however both consoles send; a user deactivated while one console
 * could not hear the other loses their sessions there too. Jobs here lock for 2 s (a minute, renewed while running, in
 * production) and B waits 3 s before listening again.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class TwoConsolesFaultsTest {

    private static final String TICK_JOB = "test.tick";
    private static final Duration LOCK_TIME = Duration.ofSeconds(2);
    private static final int SMTP_PORT = freePort();

    private static TestDatabase database;
    private static ConfigurableApplicationContext a;
    private static ConfigurableApplicationContext b;
    private static GreenMail smtp;

    /** A job every two seconds on both consoles; it hangs on console A while {@link #hangOnA} is open. */
    @Configuration(proxyBeanMethods = false)
    static class TickingJob {
        static volatile CountDownLatch hangOnA;
        static final CountDownLatch hungOnA = new CountDownLatch(1);

        @Bean
        ScheduledJob tickJob() {
            return new ScheduledJob() {
                public String id() {
                    return TICK_JOB;
                }

                public String description() {
                    return "Records its runs (test)";
                }

                public Schedule schedule() {
                    return Schedule.cron("*/2 * * * * *");
                }

                public void run(JobContext context) throws InterruptedException {
                    CountDownLatch hang = hangOnA;
                    if (hang != null && context.node().equals("console-a")) {
                        hungOnA.countDown();
                        hang.await(); // as a console that stopped mid-job: its locks are never released
                    }
                }
            };
        }
    }

    @BeforeAll
    static void startTwoConsolesOnOneDatabase() throws Exception {
        database = TestPostgres.createDatabase();
        a = start("console-a");
        b = start("console-b");
    }

    private static ConfigurableApplicationContext start(String node) throws Exception {
        Path home = Files.createTempDirectory("steward-" + node);
        String[] args = Stream.concat(Stream.of("--server.port=0", "--steward.home=" + home, "--steward.node=" + node,
                        "--steward.plugins.dir=" + home.resolve("plugins"), "--steward.cluster.resync-interval=PT1H",
                        "--steward.cluster.reconnect-delay=PT3S", "--steward.jobs.lock-time=PT2S",
                        "--steward.mail.send-every=PT1H", "--spring.mail.host=127.0.0.1", "--spring.mail.port=" + SMTP_PORT,
                        "--spring.mail.properties.mail.smtp.connectiontimeout=2000", "--spring.mail.properties.mail.smtp.timeout=2000",
                        "--steward.admin.username=cluster-admin", "--steward.admin.password=cluster-admin-passphrase"),
                Stream.of(database.arguments())).toArray(String[]::new);
        SpringApplication application = StewardApplication.create(args);
        application.addPrimarySources(List.of(TickingJob.class));
        return application.run(args);
    }

    @AfterAll
    static void stop() {
        if (TickingJob.hangOnA != null) {
            TickingJob.hangOnA.countDown();
        }
        if (smtp != null) {
            smtp.stop();
        }
        Stream.of(b, a).filter(c -> c != null).forEach(ConfigurableApplicationContext::close);
        if (database != null) {
            database.drop();
        }
    }

    @BeforeEach
    void signInAsAnAdministratorOnBoth() {
        List<SimpleGrantedAuthority> authorities = new ArrayList<>();
        EnumSet.allOf(Role.class).forEach(role -> authorities.add(new SimpleGrantedAuthority("ROLE_" + role.name())));
        a.getBean(PermissionCatalog.class).permissionsOf(EnumSet.allOf(Role.class))
                .forEach(permission -> authorities.add(new SimpleGrantedAuthority(permission)));
        var admin = UsernamePasswordAuthenticationToken.authenticated("cluster-admin", null, authorities);
        SecurityContextHolder.getContext().setAuthentication(admin);
        Stream.of(a, b).forEach(console -> console.getBeanProvider(SecurityContextHolderStrategy.class)
                .ifAvailable(strategy -> strategy.getContext().setAuthentication(admin)));
    }

    @AfterEach
    void signOut() {
        SecurityContextHolder.clearContext();
        Stream.of(a, b).forEach(console -> console.getBeanProvider(SecurityContextHolderStrategy.class)
                .ifAvailable(SecurityContextHolderStrategy::clearContext));
    }

    @Test
    @Order(1)
    void each_tick_of_a_job_runs_on_exactly_one_of_the_two_consoles() throws Exception {
        Instant from = databaseNow();
        Thread.sleep(9_000);
        Instant to = databaseNow().minusSeconds(1); // the last tick may still be running

        List<Instant> runs = queryInstants("select started_at from platform.job_run where job_id = '" + TICK_JOB
                + "' and trigger = 'SCHEDULE' and started_at between '" + from + "' and '" + to + "' order by started_at");
        Map<Long, Long> runsPerTick = runs.stream().collect(Collectors.groupingBy(run -> run.getEpochSecond() / 2, Collectors.counting()));
        assertThat(runsPerTick).as("runs per two-second tick").allSatisfy((tick, count) -> assertThat(count).isEqualTo(1L));
        long ticks = Duration.between(from, to).toSeconds() / 2;
        assertThat(runs).as("a run for every tick in %s..%s", from, to).hasSizeBetween((int) ticks - 1, (int) ticks + 1);
        assertThat(queryStrings("select distinct node from platform.job_run where job_id = '" + TICK_JOB + "'"))
                .as("both consoles take ticks").isSubsetOf("console-a", "console-b");
    }

    @Test
    @Order(2)
    void a_console_that_dies_mid_job_leaves_the_job_locked_no_longer_than_its_lock_time() throws Exception {
        TickingJob.hangOnA = new CountDownLatch(1);
        try {
            assertThat(TickingJob.hungOnA.await(20, TimeUnit.SECONDS)).as("console A takes a tick and hangs in it").isTrue();
            Instant hung = databaseNow();

            BooleanSupplier bRanAfter = () -> !queryInstants("select started_at from platform.job_run where job_id = '" + TICK_JOB
                    + "' and node = 'console-b' and started_at > '" + hung + "'").isEmpty();
            // A's locks stay for their lock time; B's next ticks after that run the job (ticks every 2 s)
            await("console B runs the job although A never released it", LOCK_TIME.plusSeconds(6), bRanAfter);
            Instant bStarted = queryInstants("select min(started_at) from platform.job_run where job_id = '" + TICK_JOB
                    + "' and node = 'console-b' and started_at > '" + hung + "'").getFirst();
            assertThat(Duration.between(hung, bStarted)).isLessThanOrEqualTo(LOCK_TIME.plusSeconds(4));
        } finally {
            CountDownLatch hang = TickingJob.hangOnA;
            TickingJob.hangOnA = null;
            hang.countDown();
        }
    }

    @Test
    @Order(3)
    void mail_queued_during_an_smtp_outage_waits_with_its_errors_and_is_delivered_exactly_once_by_two_consoles() throws Exception {
        UserAccountService users = a.getBean(UserAccountService.class);
        users.create("mail-reader", "Mail Reader", "mail-reader@example.org", Set.of(Role.MANAGER));
        int mails = 12;
        for (int i = 1; i <= mails; i++) {
            (i % 2 == 0 ? a : b).getBean(NotificationService.class).send(new Notification("platform", "test.outage", "mail-reader",
                    "Outage mail " + i, "Sent while the mail server was down", null, Map.of()));
        }

        // SMTP is down: both consoles try at once; every mail stays, those tried keep their error and next attempt
        assertThat(sendOnBothAtOnce()).isZero();
        List<String> failures = queryStrings("select last_error from platform.mail_outbox where status = 'FAILED'"
                + " and next_attempt_at > now() and attempts = 1");
        assertThat(failures).as("failed mails with their error and a later attempt").isNotEmpty().allSatisfy(error -> assertThat(error).isNotBlank());
        assertThat(count("select count(*) from platform.mail_outbox where status in ('PENDING', 'FAILED')")).isEqualTo(mails);

        smtp = new GreenMail(new ServerSetup(SMTP_PORT, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
        smtp.start();
        database.executeAsAdmin("update platform.mail_outbox set next_attempt_at = now()"); // the backoff is over
        int sent = 0;
        for (int round = 0; round < 5 && sent < mails; round++) {
            sent += sendOnBothAtOnce();
        }

        assertThat(sent).isEqualTo(mails);
        assertThat(sendOnBothAtOnce()).as("nothing is left to send").isZero();
        Map<String, Long> received = Arrays.stream(smtp.getReceivedMessages()).map(TwoConsolesFaultsTest::subject)
                .collect(Collectors.groupingBy(Function.identity(), Collectors.counting()));
        assertThat(received).hasSize(mails).allSatisfy((subject, count) -> assertThat(count).as(subject).isEqualTo(1L));
        assertThat(received.keySet()).containsExactlyInAnyOrderElementsOf(
                IntStream.rangeClosed(1, mails).mapToObj(i -> "[Steward] Outage mail " + i).toList());
        assertThat(count("select count(*) from platform.mail_outbox where status = 'SENT'")).isEqualTo(mails);
    }

    @Test
    @Order(4)
    void a_user_deactivated_while_the_other_console_was_not_listening_loses_their_sessions_there_at_its_catch_up() {
        UserAccountService users = a.getBean(UserAccountService.class);
        users.create("roaming-leaver", "Roaming Leaver", null, Set.of(Role.MANAGER));
        UserAccount leaver = users.list().stream().filter(u -> u.username().equals("roaming-leaver")).findFirst().orElseThrow();
        SignedInSessions sessionsOnB = b.getBean(SignedInSessions.class);
        MockHttpSession sessionOnB = signedInSession("roaming-leaver");
        sessionsOnB.sessionCreated(new HttpSessionEvent(sessionOnB));
        ClusterEvents eventsOnB = b.getBean(ClusterEvents.class);
        await("B listens", Duration.ofSeconds(5), eventsOnB::isListening);

        database.executeAsAdmin("select pg_terminate_backend(pid) from pg_stat_activity where application_name = "
                + "'steward-cluster-events " + eventsOnB.consoleId() + "'");
        await("B notices it lost its listening connection", Duration.ofSeconds(5), () -> !eventsOnB.isListening());
        users.setActive(leaver.id(), leaver.version(), false);
        assertThat(eventsOnB.isListening()).as("B could not hear the deactivation").isFalse();
        assertThat(sessionOnB.isInvalid()).isFalse();

        await("B ends the session when it catches up", Duration.ofSeconds(10), sessionOnB::isInvalid);
        assertThat(sessionsOnB.signedInUsers()).doesNotContain("roaming-leaver");
    }

    /** Both consoles run the outbox at the same moment (as their send-mail jobs would without the job lock). */
    private static int sendOnBothAtOnce() {
        CountDownLatch go = new CountDownLatch(1);
        List<CompletableFuture<Integer>> runs = Stream.of(a, b).map(console -> CompletableFuture.supplyAsync(() -> {
            try {
                go.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return console.getBean(MailOutbox.class).sendDue(100);
        })).toList();
        go.countDown();
        return runs.stream().mapToInt(CompletableFuture::join).sum();
    }

    private static String subject(MimeMessage message) {
        try {
            return message.getSubject();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static MockHttpSession signedInSession(String username) {
        MockHttpSession session = new MockHttpSession();
        session.setAttribute(HttpSessionSecurityContextRepository.SPRING_SECURITY_CONTEXT_KEY, new SecurityContextImpl(
                UsernamePasswordAuthenticationToken.authenticated(username, null, List.of())));
        return session;
    }

    private static Instant databaseNow() {
        return queryInstants("select now()").getFirst();
    }

    private static long count(String sql) {
        return Long.parseLong(queryStrings(sql).getFirst());
    }

    private static List<String> queryStrings(String sql) {
        try (var connection = database.adminConnection(); Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery(sql)) {
            List<String> values = new ArrayList<>();
            while (rows.next()) {
                values.add(rows.getString(1));
            }
            return values;
        } catch (Exception e) {
            throw new IllegalStateException(sql, e);
        }
    }

    private static List<Instant> queryInstants(String sql) {
        try (var connection = database.adminConnection(); Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery(sql)) {
            List<Instant> values = new ArrayList<>();
            while (rows.next()) {
                if (rows.getTimestamp(1) != null) {
                    values.add(rows.getTimestamp(1).toInstant());
                }
            }
            return values;
        } catch (Exception e) {
            throw new IllegalStateException(sql, e);
        }
    }

    private static void await(String what, Duration within, BooleanSupplier condition) {
        long deadline = System.nanoTime() + within.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                fail(what + " within " + within.toSeconds() + " s");
            }
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                fail("interrupted");
            }
        }
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
