package dev.steward.console.security;

import dev.steward.platform.audit.AuditEntry;
import dev.steward.platform.audit.AuditEvent;
import dev.steward.platform.audit.AuditTrail;
import dev.steward.platform.audit.AuditLogQuery;
import dev.steward.platform.security.PlatformPermissions;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.core.annotation.Order;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;

import java.net.CookieManager;
import java.net.HttpCookie;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 12, defect 1: an auditor reads the audit log and tries every value in it as the session cookie of the
 * administrator who signed in. None may be a session.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"steward.admin.username=ada", "steward.admin.password=session-attack-passphrase"})
class AuditSessionAttackTest {

    @LocalServerPort
    int port;
    @Autowired
    AuditLogQuery auditLog;

    @AfterEach
    void signOut() {
        SecurityContextHolder.clearContext();
    }

    private URI uri(String path) {
        return URI.create("http://localhost:" + port + path);
    }

    /** Signs in through the real login form (Spring Security form login, CSRF) and returns the session cookie. */
    private String signInAsTheAdministrator() throws Exception {
        CookieManager cookies = new CookieManager();
        HttpClient browser = HttpClient.newBuilder().cookieHandler(cookies).followRedirects(HttpClient.Redirect.NEVER).build();
        String page = browser.send(HttpRequest.newBuilder(uri("/login")).build(), HttpResponse.BodyHandlers.ofString()).body();
        String form = "username=ada&password=session-attack-passphrase";
        Matcher csrf = Pattern.compile("<meta name=\"_csrf\" content=\"([^\"]+)\"").matcher(page);
        if (csrf.find()) {
            Matcher parameter = Pattern.compile("<meta name=\"_csrf_parameter\" content=\"([^\"]+)\"").matcher(page);
            form += "&" + (parameter.find() ? parameter.group(1) : "_csrf") + "=" + URLEncoder.encode(csrf.group(1), StandardCharsets.UTF_8);
        }
        HttpResponse<String> login = browser.send(HttpRequest.newBuilder(uri("/login"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(login.statusCode()).as(login.body()).isEqualTo(302);
        assertThat(login.headers().firstValue("Location").orElse("")).doesNotContain("error");
        return cookies.getCookieStore().get(uri("/")).stream().filter(c -> c.getName().equals("JSESSIONID"))
                .map(HttpCookie::getValue).findFirst().orElseThrow();
    }

    /** Whether a request with this session cookie is treated as signed in: a protected page is served, not the login. */
    private boolean signedInWith(String sessionId) throws Exception {
        HttpResponse<String> response = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build()
                .send(HttpRequest.newBuilder(uri("/admin/audit")).header("Cookie", "JSESSIONID=" + sessionId).build(),
                        HttpResponse.BodyHandlers.ofString());
        return response.statusCode() == 200;
    }

    private List<AuditEntry> readTheLogAsAnAuditor() {
        SecurityContextHolder.getContext().setAuthentication(UsernamePasswordAuthenticationToken.authenticated("aud", null,
                List.of(new SimpleGrantedAuthority(PlatformPermissions.AUDIT_READ))));
        List<AuditEntry> entries = new ArrayList<>();
        auditLog.forEach(AuditLogQuery.Filter.none(), entries::add);
        return entries;
    }

    /**
     * A change audited in a request of the signed-in session, through the same path as a change in the UI
     * ({@link AuditTrail#record} takes the origin from the current request and its session).
     */
    @TestConfiguration
    static class AuditedChangeEndpoint {
        @Bean
        AuditedChange auditedChange(AuditTrail audit) {
            return new AuditedChange(audit);
        }

        /** Like the UI's chain: the signed-in user of the session (the Vaadin chain itself refuses unknown paths). */
        @Bean
        @Order(0)
        SecurityFilterChain auditedChangeChain(HttpSecurity http) throws Exception {
            return http.securityMatcher("/test/**").authorizeHttpRequests(auth -> auth.anyRequest().authenticated()).build();
        }
    }

    @RestController
    static class AuditedChange {
        private final AuditTrail audit;

        AuditedChange(AuditTrail audit) {
            this.audit = audit;
        }

        @GetMapping("/test/audited-change")
        String change() {
            audit.record(AuditEvent.of("test", "thing", "42", "UPDATE").after(java.util.Map.of("name", "changed")));
            return "audited";
        }
    }

    private void makeAnAuditedChange(String session) throws Exception {
        HttpResponse<String> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(uri("/test/audited-change"))
                .header("Cookie", "JSESSIONID=" + session).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(response.body()).as(response.statusCode() + " " + response.headers().map()).isEqualTo("audited");
    }

    @Test
    void no_value_in_the_audit_log_is_a_session_that_signs_in() throws Exception {
        assertThat(signedInWith("not-a-session")).as("an unknown cookie is not signed in").isFalse();
        String session = signInAsTheAdministrator();
        assertThat(signedInWith(session)).as("the administrator's own cookie is signed in").isTrue();
        makeAnAuditedChange(session);

        List<AuditEntry> entries = readTheLogAsAnAuditor();
        AuditEntry login = entries.stream().filter(e -> "LOGIN".equals(e.action()) && "ada".equals(e.actor())).findFirst().orElseThrow();
        AuditEntry change = entries.stream().filter(e -> "42".equals(e.entityId())).findFirst().orElseThrow();
        assertThat(change.actor()).isEqualTo("ada");
        assertThat(change.auditSession()).as("the sitting is still recorded, by a random id").isNotBlank().isNotEqualTo(session)
                .isEqualTo(login.auditSession());

        List<String> values = entries.stream().flatMap(e -> Stream.of(e.actor(), e.clientIp(), e.auditSession(), e.entityId(),
                e.before(), e.after(), e.reason())).filter(Objects::nonNull).distinct().toList();
        assertThat(String.join("\n", values)).doesNotContain(session);
        for (String value : values) {
            if (value.matches("[A-Za-z0-9_-]{8,64}")) {
                assertThat(signedInWith(value)).as("the logged value %s used as a session cookie", value).isFalse();
            }
        }
    }
}
