package dev.steward.console.faults;

import com.github.mvysny.kaributesting.v10.GridKt;
import com.github.mvysny.kaributesting.v10.MockVaadin;
import com.github.mvysny.kaributesting.v10.Routes;
import com.github.mvysny.kaributesting.v10.spring.MockSpringServlet;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.checkbox.CheckboxGroup;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.server.ErrorEvent;
import com.vaadin.flow.server.VaadinSession;
import com.vaadin.flow.component.login.LoginForm;
import com.vaadin.flow.router.QueryParameters;
import dev.steward.console.ops.OutageAwareAuthentication;
import dev.steward.console.ui.admin.ApiTokensView;
import dev.steward.console.ui.jobs.JobsView;
import dev.steward.console.ui.shell.DatabaseOutageBanner;
import dev.steward.platform.jobs.JobRun;
import dev.steward.platform.security.ApiTokenService;
import dev.steward.platform.security.PermissionCatalog;
import dev.steward.platform.security.PlatformPermissions;
import dev.steward.platform.security.Role;
import dev.steward.platform.security.SignInAuthentication;
import dev.steward.platform.security.UserAccountService;
import kotlin.jvm.functions.Function0;
import org.jooq.DSLContext;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.security.authentication.InternalAuthenticationServiceException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.web.WebAttributes;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.context.SecurityContextHolderStrategy;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

import static com.github.mvysny.kaributesting.v10.LocatorJ._click;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static dev.steward.platform.db.generated.Tables.JOB_RUN;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

/**
 * The database restarts under a running console (a real PostgreSQL server, stopped and started again): machine
 * clients get 503 with {@code Retry-After} instead of 401, the sign-in form says the database is unreachable, a page
 * keeps its input and shows a banner, the Jobs page shows the ticks that could not run, and everything works again
 * once the server is back, with no restart of the console. The pool waits 4 s here (30 s by default) to keep it short.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "spring.datasource.hikari.connection-timeout=4000",
        "steward.mail.send-every=PT1S",
        "steward.jobs.missed-check-every=PT1S"})
@DirtiesContext
class DatabaseOutageTest {

    private static final RestartablePostgres postgres = RestartablePostgres.start();
    private static final String ADMIN = "outage-admin";
    private static final String PASSWORD = "outage-admin-passphrase";
    private static final ExecutorService calls = Executors.newVirtualThreadPerTaskExecutor();
    private static boolean adminCreated;

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        postgres.database().properties().forEach((key, value) -> registry.add(key, () -> value));
    }

    @LocalServerPort
    int port;
    @Autowired
    ApplicationContext context;
    @Autowired
    UserAccountService users;
    @Autowired
    ApiTokenService tokens;
    @Autowired
    PermissionCatalog permissions;
    @Autowired
    DSLContext dsl;
    @Autowired
    SignInAuthentication signInAuthentication;

    @Test
    void through_a_database_restart_the_console_says_what_is_wrong_keeps_the_users_input_and_recovers_by_itself() throws Exception {
        String token = prepareAdminAndToken();
        awaitScheduledRunOf("platform.send-mail");
        startVaadinAs(ADMIN, Role.ADMIN);
        UI.getCurrent().navigate(ApiTokensView.class);
        _click(_get(Button.class, spec -> spec.withText("New token")));
        TextField name = _get(TextField.class, spec -> spec.withLabel("Name (e.g. splunk-prod)"));
        name.setValue("siem-during-outage");
        @SuppressWarnings("unchecked")
        ComboBox<String> plugin = _get(ComboBox.class, spec -> spec.withLabel("Plugin"));
        plugin.setValue(plugin.getListDataView().getItems().findFirst().orElseThrow());
        @SuppressWarnings("unchecked")
        CheckboxGroup<String> granted = _get(CheckboxGroup.class, spec -> spec.withLabel("Permissions"));
        granted.setValue(Set.of(granted.getListDataView().getItems().findFirst().orElseThrow()));

        long runsBefore = dsl.select(org.jooq.impl.DSL.max(JOB_RUN.ID)).from(JOB_RUN).fetchOne(0, Long.class);
        postgres.stop();
        Instant down = Instant.now();
        var bearer = async(() -> get("/api/platform/plugins", "Bearer " + token));
        var basic = async(() -> get("/api/platform/plugins", basic(ADMIN, PASSWORD)));
        var scrape = async(() -> get("/actuator/prometheus", "Bearer " + token));
        var readiness = async(() -> get("/actuator/health/readiness", null));
        var signIn = async(() -> new FormSignIn(port).signIn(ADMIN, PASSWORD));
        Throwable signInFailure = catchThrowable(() -> OutageAwareAuthentication.of(signInAuthentication.forConsole())
                .authenticate(UsernamePasswordAuthenticationToken.unauthenticated(ADMIN, PASSWORD)));

        // an action on the open page: Vaadin hands a listener's exception to the session's error handler
        Button save = _get(Button.class, spec -> spec.withText("Create token"));
        Throwable failure = catchThrowable(() -> _click(save));
        assertThat(failure).as("the action reached the database").isNotNull();
        VaadinSession.getCurrent().getErrorHandler().error(new ErrorEvent(failure));
        assertThat(DatabaseOutageBanner.shownIn(UI.getCurrent())).as("the outage banner").isPresent();
        assertThat(DatabaseOutageBanner.TEXT).isEqualTo("Steward cannot reach its database. Your input is kept; try again when it is back.");
        assertThat(name.getValue()).isEqualTo("siem-during-outage");
        assertThat(name.isAttached()).as("the dialog stays open").isTrue();
        assertThat(UI.getCurrent().getInternals().getActiveRouterTargetsChain().getFirst()).isInstanceOf(ApiTokensView.class);

        // opening another page shows a plain explanation, not the exception
        UI.getCurrent().navigate(JobsView.class);
        assertThat(_get(H2.class, spec -> spec.withText("Database unavailable"))).isNotNull();

        for (var call : List.of(bearer, basic, scrape)) {
            HttpResponse<String> response = call.get(60, TimeUnit.SECONDS);
            assertThat(response.statusCode()).as(response.uri() + " " + response.body()).isEqualTo(503);
            assertThat(response.headers().firstValue("Retry-After")).hasValue("30");
            assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(type -> assertThat(type).startsWith("application/problem+json"));
            assertThat(response.body()).contains("\"status\":503").contains("The database is unavailable; try again shortly")
                    .doesNotContain("Exception").doesNotContain("jdbc").doesNotContain("Authentication required");
        }
        assertThat(readiness.get(60, TimeUnit.SECONDS).statusCode()).isEqualTo(503);
        FormSignIn.Outcome refused = signIn.get(60, TimeUnit.SECONDS);
        assertThat(refused.redirect()).as("a failed sign-in, no server error").endsWith("/login?error");
        assertThat(signInFailure).isInstanceOf(InternalAuthenticationServiceException.class);
        Thread.sleep(Math.max(0, 3000 - Duration.between(down, Instant.now()).toMillis())); // several job ticks fall due

        postgres.startAgain();
        assertThat(get("/api/platform/plugins", "Bearer " + token).statusCode()).isEqualTo(200);
        assertThat(get("/api/platform/plugins", basic(ADMIN, PASSWORD)).statusCode()).isEqualTo(200);
        assertThat(get("/actuator/health/readiness", null).statusCode()).isEqualTo(200);
        FormSignIn.Outcome signedIn = new FormSignIn(port).signIn(ADMIN, PASSWORD);
        assertThat(signedIn.redirect()).doesNotContain("error");

        _click(save); // the same input, tried again
        assertThat(_get(TextField.class, spec -> spec.withLabel("Token (copy it now: it is not shown again)")).getValue()).startsWith("stw_");

        JobRun missed = awaitMissedRunOf("platform.send-mail", runsBefore);
        assertThat(missed.error()).contains("the database was unreachable");
        UI.getCurrent().navigate(JobsView.class);
        @SuppressWarnings("unchecked")
        Grid<JobRun> problems = _get(Grid.class, spec -> spec.withId("failed-and-missed-runs"));
        List<JobRun> shown = new ArrayList<>();
        for (int i = 0; i < GridKt._size(problems); i++) {
            shown.add(GridKt._get(problems, i));
        }
        assertThat(shown).anySatisfy(run -> {
            assertThat(run.jobId()).isEqualTo("platform.send-mail");
            assertThat(run.outcome()).isEqualTo("MISSED");
        });

        // the login page after that failed sign-in (Spring Security keeps the failure in the session for it)
        VaadinSession.getCurrent().getSession().setAttribute(WebAttributes.AUTHENTICATION_EXCEPTION, signInFailure);
        UI.getCurrent().navigate("login", QueryParameters.simple(Map.of("error", "")));
        LoginForm form = _get(LoginForm.class);
        assertThat(form.isError()).isTrue();
        assertThat(String.valueOf(form.getElement().getPropertyRaw("i18n")))
                .contains("Steward cannot reach its database right now. Try again in a minute.")
                .doesNotContain("Check your user name and password");
        MockVaadin.tearDown();
    }

    @Test
    void a_restart_shorter_than_the_pool_wait_is_not_noticed_by_a_waiting_call() throws Exception {
        String token = prepareAdminAndToken();
        postgres.stop();
        // (a pooled connection used in the last half second is handed out unchecked and fails at once: let them idle)
        Thread.sleep(600);
        var call = async(() -> get("/api/platform/plugins", "Bearer " + token));
        Thread.sleep(300);
        postgres.startAgain();
        HttpResponse<String> response = call.get(60, TimeUnit.SECONDS);
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    }

    // --- helpers ---

    private String prepareAdminAndToken() {
        useThisContextsSecurity();
        if (!adminCreated) {
            adminCreated = true;
            users.createInitialAdmin(ADMIN + "-first", "bootstrap-passphrase", false);
            actAs(PlatformPermissions.USERS_MANAGE);
            String oneTime = users.create(ADMIN, "Outage Admin", null, EnumSet.of(Role.ADMIN));
            SecurityContextHolder.getContext().setAuthentication(UsernamePasswordAuthenticationToken.authenticated(ADMIN, null, List.of()));
            users.changeOwnPassword(ADMIN, oneTime, PASSWORD);
        }
        actAs(PlatformPermissions.API_TOKENS_MANAGE);
        try {
            return tokens.create("outage-" + System.nanoTime(), "platform",
                    Set.of(PlatformPermissions.PLUGINS_MANAGE, PlatformPermissions.METRICS_READ), null).secret();
        } finally {
            SecurityContextHolder.clearContext();
        }
    }

    private void useThisContextsSecurity() {
        context.getBeanProvider(SecurityContextHolderStrategy.class).ifAvailable(SecurityContextHolder::setContextHolderStrategy);
    }

    private void actAs(String... authorities) {
        SecurityContextHolder.getContext().setAuthentication(UsernamePasswordAuthenticationToken.authenticated("setup", null,
                java.util.Arrays.stream(authorities).map(SimpleGrantedAuthority::new).toList()));
    }

    private void startVaadinAs(String username, Role role) {
        Function0<UI> uiFactory = UI::new;
        MockVaadin.setup(uiFactory, new MockSpringServlet(new Routes().autoDiscoverViews("dev.steward.console"), context, uiFactory));
        List<SimpleGrantedAuthority> authorities = new ArrayList<>(List.of(new SimpleGrantedAuthority(role.authority())));
        permissions.permissionsOf(Set.of(role)).forEach(p -> authorities.add(new SimpleGrantedAuthority(p)));
        var authentication = UsernamePasswordAuthenticationToken.authenticated(username, null, authorities);
        SecurityContextHolder.getContext().setAuthentication(authentication);
        var request = (com.github.mvysny.fakeservlet.FakeRequest) com.vaadin.flow.server.VaadinServletRequest.getCurrent().getRequest();
        request.setUserPrincipalInt(authentication);
        request.setUserInRole((principal, r) -> authorities.stream().anyMatch(a -> a.getAuthority().equals("ROLE_" + r)));
    }

    private void awaitScheduledRunOf(String jobId) throws InterruptedException {
        Instant deadline = Instant.now().plusSeconds(30);
        while (dsl.fetchCount(JOB_RUN, JOB_RUN.JOB_ID.eq(jobId).and(JOB_RUN.OUTCOME.eq("SUCCEEDED"))) == 0) {
            assertThat(Instant.now()).as("a first run of " + jobId).isBefore(deadline);
            Thread.sleep(200);
        }
    }

    private JobRun awaitMissedRunOf(String jobId, long after) throws InterruptedException {
        // a missed tick is written by the job's next tick once the database is back: up to its 30 s interval, more on a
        // loaded machine (a CI run beside other modules' tests took longer than 30 s)
        Instant deadline = Instant.now().plusSeconds(90);
        while (true) {
            var row = dsl.selectFrom(JOB_RUN).where(JOB_RUN.JOB_ID.eq(jobId)).and(JOB_RUN.OUTCOME.eq("MISSED")).and(JOB_RUN.ID.gt(after))
                    .orderBy(JOB_RUN.ID.desc()).limit(1).fetchOne();
            if (row != null) {
                return new JobRun(row.getId(), row.getJobId(), row.getNode(), false, row.getStartedAt(),
                        row.getFinishedAt(), row.getOutcome(), row.getError());
            }
            assertThat(Instant.now()).as("a missed run of " + jobId + " recorded").isBefore(deadline);
            Thread.sleep(200);
        }
    }

    private HttpResponse<String> get(String path, String authorization) throws Exception {
        var request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path)).timeout(Duration.ofSeconds(60));
        if (authorization != null) {
            request.header("Authorization", authorization);
        }
        return HttpClient.newHttpClient().send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static String basic(String username, String password) {
        return "Basic " + Base64.getEncoder().encodeToString((username + ":" + password).getBytes(StandardCharsets.UTF_8));
    }

    private interface Call<T> {
        T call() throws Exception;
    }

    private static <T> CompletableFuture<T> async(Call<T> call) {
        return CompletableFuture.supplyAsync(() -> {
            try {
                return call.call();
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        }, calls);
    }
}
