package dev.steward.dsr.ui;

import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import dev.steward.dsr.DsrTestBase;
import dev.steward.dsr.TestMailbox;
import dev.steward.dsr.requests.Channel;
import dev.steward.testkit.console.ConsoleTestApplication;
import dev.steward.testkit.console.RealBrowser;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

import static dev.steward.dsr.db.Tables.REQUEST;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The public request page in a real browser, without signing in: the form filled as a visitor would (country and
 * state by name), the code from the mail typed in, the request in the queue from the web, and no personal data on the
 * page afterwards.
 */
@SpringBootTest(classes = ConsoleTestApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class PublicRequestRealBrowserTest extends DsrTestBase {

    @LocalServerPort
    int port;

    @Test
    void a_visitor_without_an_account_sends_a_request_and_confirms_it_with_the_mailed_code() {
        TestMailbox.start();
        String email = "browser." + suffix + "@example.org";
        try (RealBrowser browser = RealBrowser.open(port)) {
            Page page = browser.page();
            browser.navigate("/privacy-request");
            browser.waitForText("Make a privacy request");
            page.getByLabel("Full name of the person the request is about").fill("Rosa Diaz " + suffix);
            page.getByLabel("Email address").fill(email);
            page.getByRole(AriaRole.COMBOBOX, new Page.GetByRoleOptions().setName("Country")).fill("Germany");
            page.getByRole(AriaRole.OPTION, new Page.GetByRoleOptions().setName("Germany").setExact(true)).click();
            page.getByText("Delete the data you have about me").click();
            browser.screenshot("public-request-page.png");
            browser.button("Send request").click();
            browser.waitForText("We wrote to the address you gave");
            browser.screenshot("public-request-code.png");
            assertThat(browser.text()).doesNotContain(email).doesNotContain(suffix);

            page.getByLabel("Code from the email").fill(TestMailbox.latestCode(email));
            browser.button("Confirm request").click();
            browser.waitForText(PublicRequestView.CONFIRMED);
            assertThat(browser.text()).doesNotContain(email).doesNotContain(suffix);
            assertThat(browser.contentSecurityPolicyViolations()).isEmpty();
        }
        var opened = dsl.fetchOne(REQUEST, REQUEST.REQUESTER_EMAIL.eq(email));
        assertThat(opened.getChannel()).isEqualTo(Channel.WEB);
        assertThat(opened.getJurisdiction()).isEqualTo("DE");
    }
}
