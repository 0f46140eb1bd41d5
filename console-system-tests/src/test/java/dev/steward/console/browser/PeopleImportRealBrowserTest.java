package dev.steward.console.browser;

import com.microsoft.playwright.options.FilePayload;
import dev.steward.testkit.console.RealBrowser;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.context.SecurityContextHolderStrategy;

import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;

/** The people import dialog with an HR export, in a real browser at 1366x768: the mapping and preview fit and read. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"steward.admin.username=ada", "steward.admin.password=browser-test-passphrase"})
class PeopleImportRealBrowserTest {

    static final String CSV = "Employee #,First Name,Last Name,Preferred Name,Work Email,Job Title,Department,Division,"
            + "Reports To,Supervisor EID,Employment Status,Status,Hire Date,Termination Date\n"
            + "RB-1,Elizabeth,Warren,Liz,liz@acme.example,CEO,Executive,Corporate,,,Full-Time,Active,03/01/2014,\n"
            + "RB-2,Marcus,Johnson,,marcus@acme.example,CTO,Engineering,R&D,Liz Warren,RB-1,Leave of Absence,Active,06/15/2015,\n";

    @LocalServerPort
    int port;
    @Autowired
    ApplicationContext context;

    private RealBrowser browser;

    @BeforeEach
    void openBrowser() {
        browser = RealBrowser.open(port);
        // the dialog's check runs on a worker thread, which reads the user through the static holder: in a suite that
        // started other consoles in this JVM, the holder must be this console's (as in production, where there is one)
        context.getBeanProvider(SecurityContextHolderStrategy.class).ifAvailable(SecurityContextHolder::setContextHolderStrategy);
    }

    @AfterEach
    void closeBrowser() {
        if (browser != null) {
            browser.close();
        }
    }

    @Test
    void the_mapping_of_a_bamboohr_report_is_shown_and_previewed() {
        browser.signIn("ada", "browser-test-passphrase");
        browser.waitUntil("signed in", "() => location.pathname === '/' && document.body.innerText.includes('Dashboard')", null);
        browser.navigate("/people");
        browser.button("Import CSV").click();
        browser.page().setInputFiles("vaadin-upload input[type=file]",
                new FilePayload("bamboo.csv", "text/csv", CSV.getBytes(StandardCharsets.UTF_8)));
        browser.waitForText("bamboo.csv: 2 new");
        browser.page().waitForTimeout(500); // the dialog's layout settles after the preview grid is filled
        browser.screenshot("people-import-mapping.png");
        assertThat(browser.text()).contains("BambooHR employee report").contains("Leave of Absence");
    }
}
