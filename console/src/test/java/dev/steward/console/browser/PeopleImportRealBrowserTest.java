package dev.steward.console.browser;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/** The people import dialog with an HR export, in a real browser at 1366x768: the mapping and preview fit and read. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"steward.admin.username=ada", "steward.admin.password=browser-test-passphrase"})
class PeopleImportRealBrowserTest {

    static final String CSV = "Employee #,First Name,Last Name,Preferred Name,Work Email,Job Title,Department,Division,"
            + "Reports To,Supervisor EID,Employment Status,Status,Hire Date,Termination Date\\n"
            + "RB-1,Elizabeth,Warren,Liz,liz@acme.example,CEO,Executive,Corporate,,,Full-Time,Active,03/01/2014,\\n"
            + "RB-2,Marcus,Johnson,,marcus@acme.example,CTO,Engineering,R&D,Liz Warren,RB-1,Leave of Absence,Active,06/15/2015,\\n";

    @LocalServerPort
    int port;
    @org.springframework.beans.factory.annotation.Autowired
    org.springframework.context.ApplicationContext context;

    private HeadlessChromium browser;

    @BeforeEach
    void openBrowser() throws Exception {
        assumeTrue(HeadlessChromium.available(), "Chromium is not installed: apt-get install chromium");
        browser = new HeadlessChromium(1366, 768);
        // the dialog's check runs on a worker thread, which reads the user through the static holder: in a suite that
        // started other consoles in this JVM, the holder must be this console's (as in production, where there is one)
        context.getBeanProvider(org.springframework.security.core.context.SecurityContextHolderStrategy.class)
                .ifAvailable(org.springframework.security.core.context.SecurityContextHolder::setContextHolderStrategy);
    }

    @AfterEach
    void closeBrowser() {
        if (browser != null) {
            browser.close();
        }
    }

    @Test
    void the_mapping_of_a_bamboohr_report_is_shown_and_previewed() throws Exception {
        browser.navigate("http://localhost:" + port + "/");
        browser.waitUntil("the login form is shown", () -> browser.evalTrue(
                "location.pathname === '/login' && !!document.querySelector('vaadin-button[slot=submit]')"));
        browser.eval("document.querySelector('#vaadinLoginUsername').value = 'ada';"
                + "document.querySelector('vaadin-password-field').value = 'browser-test-passphrase';"
                + "document.querySelector('vaadin-button[slot=submit]').click(); true");
        browser.waitUntil("signed in", () -> browser.evalTrue("location.pathname === '/' && document.body.innerText.includes('Dashboard')"));
        browser.navigate("http://localhost:" + port + "/people");
        browser.waitUntil("the people page", () -> browser.evalTrue("document.body.innerText.includes('Import CSV')"));
        browser.eval("[...document.querySelectorAll('vaadin-button')].find(b => b.innerText.includes('Import CSV')).click(); true");
        browser.waitUntil("the dialog", () -> browser.evalTrue("!!document.querySelector('vaadin-upload')"));
        browser.eval("document.querySelector('vaadin-upload')._addFiles([new File([\"" + CSV + "\"], 'bamboo.csv', {type: 'text/csv'})]); true");
        browser.waitUntil("the preview", () -> browser.evalTrue("document.body.innerText.includes('bamboo.csv: 2 new')"));
        Thread.sleep(500);
        browser.screenshot(Path.of("target/screenshots/people-import-mapping.png"));
        assertThat(browser.eval("document.body.innerText")).contains("BambooHR employee report").contains("Leave of Absence");
    }
}
