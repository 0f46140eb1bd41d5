package dev.steward.console.cluster;

import dev.steward.console.StewardApplication;
import dev.steward.platform.notifications.Notification;
import dev.steward.platform.notifications.NotificationBroadcaster;
import dev.steward.platform.notifications.NotificationService;
import dev.steward.platform.cluster.ClusterEvents;
import dev.steward.platform.plugin.ExtensionRegistry;
import dev.steward.platform.plugin.PluginAdministration;
import dev.steward.platform.plugin.PluginDisabledException;
import dev.steward.platform.security.PermissionCatalog;
import dev.steward.platform.security.Role;
import dev.steward.platform.security.SignedInSessions;
import dev.steward.platform.security.UserAccountService;
import dev.steward.testkit.TestDatabase;
import dev.steward.testkit.TestPostgres;
import dev.steward.vendors.risk.RiskRubrics;
import jakarta.servlet.http.HttpSessionEvent;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.context.SecurityContextHolderStrategy;
import org.springframework.security.core.context.SecurityContextImpl;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.BooleanSupplier;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.fail;

/**
 * Two real consoles on one database, as behind a load balancer: a change made on console A takes effect on console B
 * within moments, through the database's LISTEN/NOTIFY (B's periodic re-read is set to an hour here, so it cannot be
 * what carries it).
 */
class TwoConsolesTest {

    private static final Duration PROMPTLY = Duration.ofSeconds(3);

    private static TestDatabase database;
    private static ConfigurableApplicationContext a;
    private static ConfigurableApplicationContext b;

    @BeforeAll
    static void startTwoConsolesOnOneDatabase() throws Exception {
        database = TestPostgres.createDatabase();
        a = start(Files.createTempDirectory("steward-console-a"));
        b = start(Files.createTempDirectory("steward-console-b"));
        // the listener connects in the background: an event sent before it listens waits for the hour-long resync
        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        while (!Stream.of(a, b).allMatch(c -> c.getBean(ClusterEvents.class).isListening()) && System.nanoTime() < deadline) {
            Thread.sleep(50);
        }
    }

    private static ConfigurableApplicationContext start(Path home) {
        String[] args = Stream.concat(Stream.of("--server.port=0", "--steward.home=" + home,
                        "--steward.plugins.dir=" + home.resolve("plugins"), "--steward.cluster.resync-interval=PT1H",
                        "--steward.admin.username=cluster-admin", "--steward.admin.password=cluster-admin-passphrase"),
                Stream.of(database.arguments())).toArray(String[]::new);
        return StewardApplication.create(args).run(args);
    }

    @AfterAll
    static void stop() {
        Stream.of(b, a).filter(c -> c != null).forEach(ConfigurableApplicationContext::close);
        if (database != null) {
            database.drop();
        }
    }

    @BeforeEach
    void signInAsAnAdministratorWithEveryPermission() {
        List<SimpleGrantedAuthority> authorities = new ArrayList<>();
        EnumSet.allOf(Role.class).forEach(role -> authorities.add(new SimpleGrantedAuthority("ROLE_" + role.name())));
        a.getBean(PermissionCatalog.class).permissionsOf(EnumSet.allOf(Role.class))
                .forEach(permission -> authorities.add(new SimpleGrantedAuthority(permission)));
        var admin = UsernamePasswordAuthenticationToken.authenticated("cluster-admin", null, authorities);
        SecurityContextHolder.getContext().setAuthentication(admin);
        // each console checks permissions through its own strategy (Vaadin's), so sign in on both
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
    void a_plugin_disabled_on_one_console_is_refused_on_the_other_and_serves_again_when_re_enabled() {
        RiskRubrics rubricsOnB = b.getBean(ExtensionRegistry.class).contextOf("vendors").orElseThrow().getBean(RiskRubrics.class);
        assertThat(rubricsOnB.current()).isNotNull();

        a.getBean(PluginAdministration.class).setEnabled("vendors", false);
        try {
            awaitPromptly("B refuses the disabled plugin's service", () -> !b.getBean(ExtensionRegistry.class).isEnabled("vendors"));
            assertThatThrownBy(rubricsOnB::current).isInstanceOf(PluginDisabledException.class);
        } finally {
            a.getBean(PluginAdministration.class).setEnabled("vendors", true);
        }
        awaitPromptly("B serves the re-enabled plugin", () -> b.getBean(ExtensionRegistry.class).isEnabled("vendors"));
        assertThat(rubricsOnB.current()).isNotNull();
    }

    @Test
    void ending_a_users_sessions_on_one_console_ends_them_on_the_other() {
        UserAccountService usersOnA = a.getBean(UserAccountService.class);
        usersOnA.create("roaming-user", "Roaming User", null, Set.of(Role.MANAGER));
        long id = usersOnA.list().stream().filter(u -> u.username().equals("roaming-user")).findFirst().orElseThrow().id();
        SignedInSessions sessionsOnB = b.getBean(SignedInSessions.class);
        MockHttpSession sessionOnB = signedInSession("roaming-user");
        sessionsOnB.sessionCreated(new HttpSessionEvent(sessionOnB));
        assertThat(sessionsOnB.signedInUsers()).contains("roaming-user");

        usersOnA.endSessions(id);

        awaitPromptly("B ends the user's session", () -> !sessionsOnB.signedInUsers().contains("roaming-user"));
        assertThat(sessionOnB.isInvalid()).isTrue();
    }

    @Test
    void a_notification_raised_on_one_console_reaches_the_users_page_on_the_other() {
        List<String> heardOnB = new CopyOnWriteArrayList<>();
        Runnable unregister = b.getBean(NotificationBroadcaster.class).register("on-call-analyst", heardOnB::add);
        try {
            a.getBean(NotificationService.class).send(new Notification("platform", "test.cluster", "on-call-analyst",
                    "Raised on console A", "A notification raised on the other console", null, Map.of()));

            awaitPromptly("B's page of the user hears of the notification", () -> heardOnB.contains("on-call-analyst"));
        } finally {
            unregister.run();
        }
    }

    private static MockHttpSession signedInSession(String username) {
        MockHttpSession session = new MockHttpSession();
        session.setAttribute(HttpSessionSecurityContextRepository.SPRING_SECURITY_CONTEXT_KEY, new SecurityContextImpl(
                UsernamePasswordAuthenticationToken.authenticated(username, null, List.of())));
        return session;
    }

    private static void awaitPromptly(String what, BooleanSupplier condition) {
        long deadline = System.nanoTime() + PROMPTLY.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                fail(what + " within " + PROMPTLY.toSeconds() + " s");
            }
            try {
                Thread.sleep(20);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                fail("interrupted");
            }
        }
    }
}
