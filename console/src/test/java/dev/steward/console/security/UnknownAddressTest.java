package dev.steward.console.security;

import dev.steward.platform.security.Role;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A mistyped address, over real HTTP: a signed-in user gets the console's page with status 404 (not a bare 403 from
 * the security layer), a known page still 200; a signed-out visitor is sent to the login page, as for any page.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class UnknownAddressTest {

    private static final String PASSWORD = "Unknown-Address-Test-1!";

    @LocalServerPort
    int port;
    @Autowired
    ApplicationContext context;

    @Test
    void a_signed_in_user_gets_the_consoles_page_with_404_for_an_address_that_is_no_page() throws Exception {
        new TestUsers(context).createWithPassword("wanda", Role.MANAGER, PASSWORD);
        ConsoleHttp browser = new ConsoleHttp(port, null);
        assertThat(browser.signIn("wanda", PASSWORD).statusCode()).isEqualTo(302);

        var missing = browser.get("/no-such-page/at-all");
        assertThat(missing.statusCode()).isEqualTo(404);
        assertThat(missing.headers().firstValue("Content-Type")).hasValueSatisfying(type -> assertThat(type).startsWith("text/html"));
        assertThat(missing.body()).as("the console's own start page, which shows its not-found view").contains("<html")
                .doesNotContain("HTTP ERROR");

        assertThat(browser.get("/my-work").statusCode()).isEqualTo(200);
        assertThat(browser.get("/").statusCode()).isEqualTo(200);
    }

    @Test
    void a_signed_out_visitor_of_an_unknown_address_is_sent_to_sign_in() throws Exception {
        var response = new ConsoleHttp(port, null).get("/no-such-page");
        assertThat(response.statusCode()).isEqualTo(302);
        assertThat(response.headers().firstValue("Location")).hasValueSatisfying(l -> assertThat(l).endsWith("/login"));
    }
}
