package dev.steward.reviews.ui;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import dev.steward.platform.people.EmploymentStatus;
import dev.steward.platform.people.PeopleDirectory;
import dev.steward.platform.people.PersonForm;
import dev.steward.platform.plugin.ExtensionRegistry;
import dev.steward.platform.security.PlatformPermissions;
import dev.steward.platform.security.Role;
import dev.steward.platform.security.UserAccount;
import dev.steward.platform.security.UserAccountService;
import dev.steward.reviews.ReviewPermissions;
import dev.steward.reviews.campaigns.CampaignForm;
import dev.steward.reviews.campaigns.CampaignService;
import dev.steward.reviews.systems.EntitlementRow;
import dev.steward.reviews.systems.Entitlements;
import dev.steward.reviews.systems.SystemInfo;
import dev.steward.reviews.systems.SystemService;
import dev.steward.testkit.console.ConsoleTestApplication;
import dev.steward.testkit.console.RealBrowser;
import org.jooq.DSLContext;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.context.SecurityContextHolderStrategy;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 15: an access import preset in the real browser, in the assembled console (the production frontend bundle of
 * the host and the bundled plugins): a security analyst creates the Okta system, uploads the Okta group membership
 * report exactly as Okta writes it, sees the Okta preset proposed and chooses it, previews (with what the import
 * noticed: the latest last login per account, the suspended user, the unknown last logins, the privileged groups),
 * imports, finds the admin groups marked privileged, and, as the reviewer of a campaign on the system, sees the flags
 * a reviewer must see: account disabled, dormant, orphan, privileged.
 */
@SpringBootTest(classes = ConsoleTestApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"steward.admin.username=ada", "steward.admin.password=browser-test-passphrase"})
class AccessImportRealBrowserTest {

    /**
     * The sample the access-review plugin ships and its own tests import (its test resources are not on this module's
     * classpath, so it is read where it lies in the source tree: the same file, never a copy that could drift).
     */
    static final Path OKTA_SAMPLE = Path.of("..", "plugins", "access-review", "src", "test", "resources", "access-samples",
            "okta-group-membership.csv");
    static final String PASSWORD = "browser-test-passphrase";

    @LocalServerPort
    int port;
    @Autowired
    ApplicationContext context;
    @Autowired
    UserAccountService users;
    @Autowired
    ExtensionRegistry registry;
    @Autowired
    PeopleDirectory people;
    @Autowired
    DSLContext dsl;

    private RealBrowser browser;
    private SystemService systems;
    private Entitlements entitlements;
    private CampaignService campaigns;

    @BeforeEach
    void openBrowser() {
        browser = RealBrowser.open(port);
        // the import runs on a worker thread that reads the user through the static holder: in a suite that started
        // other consoles in this JVM, the holder must be this console's (as in production, where there is one)
        context.getBeanProvider(SecurityContextHolderStrategy.class).ifAvailable(SecurityContextHolder::setContextHolderStrategy);
        ApplicationContext reviews = registry.contextOf("reviews").orElseThrow(); // the plugin's own context
        systems = reviews.getBean(SystemService.class);
        entitlements = reviews.getBean(Entitlements.class);
        campaigns = reviews.getBean(CampaignService.class);
        // the first administrator runs the access reviews too: systems, imports and campaigns are a security analyst's
        as("setup", List.of(PlatformPermissions.USERS_MANAGE), () -> {
            UserAccount ada = users.list().stream().filter(u -> u.username().equals("ada")).findFirst().orElseThrow();
            users.update(ada.id(), ada.version(), ada.displayName(), "ada@acme.example", EnumSet.of(Role.ADMIN, Role.SECURITY_ANALYST));
            return null;
        });
    }

    @AfterEach
    void closeBrowser() {
        if (browser != null) {
            browser.close();
        }
    }

    @Test
    void an_okta_group_membership_report_is_imported_with_its_preset_and_its_flags_reach_the_reviewer() {
        assertThat(OKTA_SAMPLE).as("the plugin's shipped sample").isRegularFile();
        Page page = browser.page();
        browser.signIn("ada", PASSWORD);
        browser.waitUntil("signed in", "() => location.pathname === '/' && document.body.innerText.includes('Dashboard')", null);

        // a new system, as an administrator of the reviews creates it
        browser.navigate("/reviews/systems");
        browser.button("New system").click();
        page.getByLabel("Code", new Page.GetByLabelOptions().setExact(true)).fill("okta");
        page.getByLabel("Name", new Page.GetByLabelOptions().setExact(true)).fill("Okta");
        page.getByLabel("Dormant after (days without login)").fill("90");
        browser.button("Save").click();
        browser.waitForText("Okta saved");
        SystemInfo okta = as("ada", List.of(ReviewPermissions.READ), () -> systems.byCode("okta")).orElseThrow();
        assertThat(okta.dormantAfterDays()).isEqualTo(90);

        // the report as Okta exports it: the preset is proposed from its header, and chosen
        browser.button("Import CSV").click();
        browser.waitForText("Import accounts and entitlements of Okta");
        page.setInputFiles("vaadin-upload input[type=file]", OKTA_SAMPLE);
        browser.waitForText("okta-group-membership.csv: check what exported it and the columns, then preview");
        Locator exportedFrom = page.getByLabel("Exported from");
        assertThat(exportedFrom).hasValue("Okta: Group membership report");
        exportedFrom.click();
        page.getByRole(AriaRole.OPTION, new Page.GetByRoleOptions().setName("Okta: Group membership report").setExact(true)).click();
        assertThat(exportedFrom).hasValue("Okta: Group membership report");
        assertThat(page.getByLabel("Account", new Page.GetByLabelOptions().setExact(true))).hasValue("User Login");
        assertThat(page.getByLabel("Entitlement", new Page.GetByLabelOptions().setExact(true))).hasValue("Group Name");
        assertThat(page.getByLabel("Last login", new Page.GetByLabelOptions().setExact(true))).hasValue("Last Login");
        assertThat(page.getByLabel("Account status", new Page.GetByLabelOptions().setExact(true))).hasValue("User Status");

        browser.button("Preview").click();
        browser.waitForText("12 rows, 5 accounts. Grants: 12 added, 0 removed, 0 unchanged. Accounts: 5 added");
        assertThat(browser.text())
                .contains("2 account(s) have different last logins on their rows: the latest is kept")
                .contains("1 account(s) are disabled in the source; those still holding access are flagged in reviews")
                .contains("2 account(s) have no known last login: shown as unknown, never as dormant")
                .contains("Privileged unless you decide otherwise (new entitlements only): Okta Super Admins, Salesforce Admins");
        page.getByText("Privileged unless you decide otherwise").scrollIntoViewIfNeeded();
        browser.screenshot("access-import-okta.png");

        browser.button("Import").click();
        browser.waitForText("Imported as snapshot #1: 12 grants added, 0 removed.");
        browser.button("Close").click();

        // the admin groups are privileged on the system's entitlements, by the preset's default
        browser.button("Entitlements").click();
        browser.waitForText("Entitlements of Okta");
        assertThat(page.getByLabel("Privileged: Okta Super Admins")).isChecked();
        assertThat(page.getByLabel("Privileged: Salesforce Admins")).isChecked();
        assertThat(page.getByLabel("Privileged: Everyone")).not().isChecked();
        assertThat(page.getByLabel("Privileged: Finance, Payroll")).not().isChecked();
        browser.screenshot("access-import-okta-entitlements.png");

        // in the database, through the services
        Map<String, EntitlementRow> rows = as("ada", List.of(ReviewPermissions.READ),
                () -> entitlements.list(okta.id(), "", 0, 50)).stream().collect(Collectors.toMap(EntitlementRow::name, r -> r));
        assertThat(rows.keySet()).containsExactlyInAnyOrder("Everyone", "Finance - AP Clerks", "Finance, Payroll",
                "Okta Super Admins", "Salesforce Admins", "Engineering", "Backup Operators");
        assertThat(rows.values().stream().filter(EntitlementRow::privileged).map(EntitlementRow::name))
                .containsExactlyInAnyOrder("Okta Super Admins", "Salesforce Admins");
        assertThat(rows.get("Everyone").holders()).isEqualTo(5);
        assertThat(dsl.fetch("select account_name from reviews.account where system_id = ? and removed_import is null and disabled",
                okta.id()).getValues(0, String.class)).containsExactly("bwayne@acme.example");
        assertThat(dsl.fetchValue("select preset from reviews.import_run where system_id = ?", okta.id())).isEqualTo("OKTA_GROUP_MEMBERSHIP");

        // a review of the privileged access: Bruce (a person of the directory) is suspended in Okta and has not signed in
        // since June; Al's account matches nobody
        as("ada", List.of(PlatformPermissions.PEOPLE_MANAGE, ReviewPermissions.ADMIN), () -> {
            people.save(new PersonForm(null, 0, "BW-1", "Bruce Wayne", "bwayne@acme.example", null, null, null,
                    EmploymentStatus.ACTIVE, null, null));
            var draft = campaigns.create(CampaignForm.oneStage("Okta privileged access", null, List.of(okta.id()), null, true, false,
                    List.of(), CampaignForm.ReviewerRule.NAMED, "ada", "ada", CampaignForm.NoResponse.KEEP, Instant.now(),
                    Instant.now().plus(Duration.ofDays(14))));
            return campaigns.launch(draft.id(), draft.version());
        });
        browser.navigate("/reviews/my");
        browser.waitForText("Bruce Wayne (bwayne@acme.example)");
        String cells = String.join("|", page.locator("vaadin-grid-cell-content").allInnerTexts());
        assertThat(cells).contains("Bruce Wayne (bwayne@acme.example)|Okta|Salesforce Admins|Direct|account disabled, dormant,"
                        + " privileged|Revoke (account disabled)")
                // (Al signed in on 30 November 2026: dormant too once the clock is 90 days past it)
                .containsPattern("Smith, Al \\(asmith@acme\\.example\\)\\|Okta\\|Okta Super Admins\\|Direct\\|orphan account, "
                        + "(dormant, )?privileged\\|Revoke \\(orphan account\\)");
        browser.screenshot("access-import-okta-my-reviews.png");
        assertThat(browser.contentSecurityPolicyViolations()).as("the import, its dialogs and the reviews work under the CSP").isEmpty();
    }

    /** Runs service calls on the test's thread as this user with these permissions (what signing in would grant). */
    private static <T> T as(String username, List<String> permissions, Supplier<T> work) {
        var previous = SecurityContextHolder.getContext().getAuthentication();
        SecurityContextHolder.getContext().setAuthentication(UsernamePasswordAuthenticationToken.authenticated(username, null,
                Stream.concat(permissions.stream(), Stream.of(ReviewPermissions.READ)).distinct().map(SimpleGrantedAuthority::new).toList()));
        try {
            return work.get();
        } finally {
            SecurityContextHolder.getContext().setAuthentication(previous);
        }
    }
}
