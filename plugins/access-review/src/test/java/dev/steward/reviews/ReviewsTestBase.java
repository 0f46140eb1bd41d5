package dev.steward.reviews;

import dev.steward.testkit.console.PluginServiceTestBase;
import dev.steward.platform.security.Role;
import dev.steward.reviews.decisions.ReviewDecisions;
import dev.steward.reviews.decisions.ReviewItem;
import dev.steward.reviews.imports.AccessImport;
import dev.steward.reviews.imports.ColumnMapping;
import dev.steward.reviews.imports.ImportResult;
import dev.steward.reviews.systems.SystemInfo;
import dev.steward.reviews.systems.SystemService;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.UUID;

/** Service tests of the bundled access-review plugin in the real console context on a fresh PostgreSQL database. */
public abstract class ReviewsTestBase extends PluginServiceTestBase {

    @Override
    protected String pluginId() {
        return "reviews";
    }

    public static final String HEADER = "account,entitlement,employee_id,email,display_name,last_login\n";

    protected SystemInfo system(String name) {
        String code = name.toLowerCase().replaceAll("[^a-z0-9]+", "-") + "-" + UUID.randomUUID().toString().substring(0, 6);
        return bean(SystemService.class).save(new SystemInfo(null, code, name, null, SystemInfo.Criticality.HIGH, true, 90, 0));
    }

    /**
     * The fixture's ERP (owned by {@code ownerPersonId}, or nobody): ADMIN is privileged, AP_CLERK with AP_APPROVER is a
     * SoD conflict, and the fixture's file is imported. Signs in as the administrator Ivy.
     */
    protected SystemInfo fixtureErp(CampaignFixture company, Long ownerPersonId) {
        loginAs("ivy", Role.SECURITY_ANALYST);
        SystemService systems = bean(SystemService.class);
        SystemInfo erp = systems.save(new SystemInfo(null, "erp-" + company.suffix, "ERP", ownerPersonId, SystemInfo.Criticality.HIGH,
                true, 90, 0));
        systems.setPrivileged(erp.id(), "ADMIN", true);
        systems.addSodRule("Create and approve payments", erp.id(), "AP_CLERK", erp.id(), "AP_APPROVER");
        importCsv(erp, company.erpFile());
        return erp;
    }

    /**
     * Maria's decisions in the fixture's first stage: bulk-approves Jane's plain GL_VIEW, approves dormant Olaf with a
     * reason, revokes terminated Al; Jane's SoD pair stays undecided. Signs back in as Ivy.
     */
    protected void mariasDecisions(CampaignFixture company) {
        loginAs(company.user("maria"), Role.MANAGER);
        ReviewDecisions decisions = bean(ReviewDecisions.class);
        List<ReviewItem> queue = decisions.myQueue(true);
        decisions.approveAll(List.of(item(queue, "jdoe", "GL_VIEW").id()));
        ReviewItem olaf = item(queue, "olaf", "GL_VIEW");
        decisions.decide(olaf.id(), olaf.version(), ReviewDecisions.Decision.APPROVE, "Back from leave in January");
        ReviewItem al = item(queue, "asmith", "GL_VIEW");
        decisions.decide(al.id(), al.version(), ReviewDecisions.Decision.REVOKE, "Left the company");
        loginAs("ivy", Role.SECURITY_ANALYST);
    }

    protected static ReviewItem item(List<ReviewItem> queue, String account, String entitlement) {
        return queue.stream().filter(i -> i.accountName().equals(account) && i.entitlement().equals(entitlement)).findFirst().orElseThrow();
    }

    protected ImportResult importCsv(SystemInfo system, String csv) {
        byte[] bytes = csv.getBytes(StandardCharsets.UTF_8);
        AccessImport imports = bean(AccessImport.class);
        return imports.commit(system.id(), bytes, "test.csv", ColumnMapping.guess(imports.header(bytes)), AccessImport.Progress.NONE);
    }
}
