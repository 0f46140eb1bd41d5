package dev.steward.console.security;

import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

import java.net.http.HttpHeaders;

import static org.assertj.core.api.Assertions.assertThat;

/** Issue 12, browser protections, read off real HTTP responses of the console and the API. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class BrowserHeadersTest {

    @LocalServerPort
    int port;

    @Test
    void console_pages_carry_a_content_security_policy_and_may_not_be_framed_sniffed_or_leak_referrers() throws Exception {
        HttpHeaders headers = new ConsoleHttp(port, null).get("/login").headers();
        assertThat(headers.firstValue("Content-Security-Policy")).as(headers.map().toString()).hasValueSatisfying(csp -> assertThat(csp)
                .contains("default-src 'self'").contains("frame-ancestors 'none'").contains("object-src 'none'")
                .contains("base-uri 'self'").contains("form-action 'self'"));
        assertThat(headers.firstValue("X-Frame-Options")).hasValue("DENY");
        assertThat(headers.firstValue("X-Content-Type-Options")).hasValue("nosniff");
        assertThat(headers.firstValue("Referrer-Policy")).hasValue("same-origin");
    }

    @Test
    void the_session_cookie_is_http_only_and_same_site_lax() throws Exception {
        ConsoleHttp browser = new ConsoleHttp(port, null);
        var page = browser.get("/login");
        assertThat(page.headers().allValues("Set-Cookie")).anySatisfy(cookie -> assertThat(cookie)
                .startsWith("JSESSIONID=").contains("HttpOnly").containsIgnoringCase("SameSite=Lax"));
    }

    @Test
    void api_answers_may_not_be_sniffed_or_run_as_a_page() throws Exception {
        HttpHeaders headers = new ConsoleHttp(port, null).get("/api/platform/plugins").headers();
        assertThat(headers.firstValue("X-Content-Type-Options")).hasValue("nosniff");
        assertThat(headers.firstValue("Content-Security-Policy")).hasValue("default-src 'none'; frame-ancestors 'none'");
    }
}
