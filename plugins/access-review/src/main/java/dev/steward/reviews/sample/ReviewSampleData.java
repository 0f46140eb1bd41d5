package dev.steward.reviews.sample;

import dev.steward.platform.audit.AuditOrigin;
import dev.steward.platform.security.PermissionCatalog;
import dev.steward.platform.security.Role;
import dev.steward.platform.spi.SampleContext;
import dev.steward.platform.spi.SampleContext.SamplePerson;
import dev.steward.platform.spi.SampleData;
import dev.steward.reviews.campaigns.Campaign;
import dev.steward.reviews.campaigns.CampaignForm;
import dev.steward.reviews.campaigns.CampaignService;
import dev.steward.reviews.decisions.ReviewDecisions;
import dev.steward.reviews.decisions.ReviewItem;
import dev.steward.reviews.imports.AccessImport;
import dev.steward.reviews.imports.ColumnMapping;
import dev.steward.reviews.systems.SystemInfo;
import dev.steward.reviews.systems.SystemService;
import org.jooq.DSLContext;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.EnumSet;
import java.util.List;
import java.util.function.Supplier;

import static dev.steward.reviews.db.Tables.SYSTEM;

/**
 * The sample company's access reviews, through the plugin's own services: two systems with an import each (an ERP
 * with a segregation-of-duties rule and a privileged role, a cloud account with a peer outlier), and a campaign in
 * progress whose reviewers are the sample managers, part decided by them. The files are made so that every flag an
 * item can carry appears: orphan, terminated, disabled, dormant, privileged, SoD conflict and peer outlier.
 */
@Component
class ReviewSampleData implements SampleData {

    private static final String HEADER = "account,entitlement,employee_id,email,display_name,last_login,status\n";

    private final DSLContext dsl;
    private final SystemService systems;
    private final AccessImport imports;
    private final CampaignService campaigns;
    private final ReviewDecisions decisions;
    private final PermissionCatalog permissions;

    ReviewSampleData(DSLContext dsl, SystemService systems, AccessImport imports, CampaignService campaigns,
                     ReviewDecisions decisions, PermissionCatalog permissions) {
        this.dsl = dsl;
        this.systems = systems;
        this.imports = imports;
        this.campaigns = campaigns;
        this.decisions = decisions;
        this.permissions = permissions;
    }

    @Override
    public int order() {
        return 20;
    }

    @Override
    public boolean holdsData() {
        return dsl.fetchExists(SYSTEM);
    }

    @Override
    public Summary load(SampleContext company) {
        LocalDate today = LocalDate.ofInstant(company.now(), ZoneOffset.UTC);
        String financeManager = company.managers().get(1);
        String engineeringManager = company.managers().get(0);

        SystemInfo erp = systems.save(new SystemInfo(null, "erp", "Finance ERP", company.personOf(financeManager).id(),
                SystemInfo.Criticality.HIGH, true, 90, 0));
        systems.setPrivileged(erp.id(), "ERP_ADMIN", true);
        systems.addSodRule("Create and approve payments", erp.id(), "AP_CLERK", erp.id(), "AP_APPROVER");
        StringBuilder erpFile = new StringBuilder(HEADER);
        for (SamplePerson p : company.inUnit("FIN")) {
            erpFile.append(line(p, "GL_VIEW", today.minusDays(2), "active"));
        }
        erpFile.append(line(company.person("E1032"), "AP_CLERK", today.minusDays(1), "active"))
                .append(line(company.person("E1032"), "AP_APPROVER", today.minusDays(1), "active"))
                .append(line(company.person("E1035"), "ERP_ADMIN", today.minusDays(3), "active"))
                .append(line(company.person("E1034"), "AP_CLERK", today.minusDays(140), "active"))
                .append(line(company.person("E1031"), "PAYROLL_RUN", today.minusDays(20), "disabled"))
                .append("svc_batch,GL_VIEW,,,Batch job (no owner)," + today.minusDays(1) + ",active\n");
        int erpRows = commit(erp, erpFile.toString(), "erp-users.csv");

        SystemInfo cloud = systems.save(new SystemInfo(null, "cloud", "Production cloud", company.personOf(engineeringManager).id(),
                SystemInfo.Criticality.CRITICAL, true, 60, 0));
        systems.setPrivileged(cloud.id(), "PROD_ADMIN", true);
        StringBuilder cloudFile = new StringBuilder(HEADER);
        for (SamplePerson p : company.inUnit("ENG")) {
            boolean away = p.status() != dev.steward.platform.people.EmploymentStatus.ACTIVE;
            cloudFile.append(line(p, "DEVELOPER", today.minusDays(away ? 95 : 1), "active"));
        }
        cloudFile.append(line(company.person("E1013"), "PROD_ADMIN", today.minusDays(1), "active"))
                .append(line(company.person("E1016"), "BILLING_EXPORT", today.minusDays(4), "active"))
                .append("deploy-bot-2019,PROD_ADMIN,,,Old deploy robot," + today.minusDays(400) + ",active\n");
        int cloudRows = commit(cloud, cloudFile.toString(), "cloud-iam.csv");

        Instant now = company.now();
        Campaign draft = campaigns.create(CampaignForm.oneStage("Quarterly access review — Finance ERP and Production cloud",
                "Each manager confirms the access of their team; flagged items need a reason to keep.",
                List.of(erp.id(), cloud.id()), null, false, false, List.of(), CampaignForm.ReviewerRule.MANAGER, null,
                company.privacyOfficer(), CampaignForm.NoResponse.RECOMMENDATION, now.minus(Duration.ofDays(3)), now.plus(Duration.ofDays(11))));
        Campaign campaign = campaigns.launch(draft.id(), draft.version());
        int decided = asUser(engineeringManager, () -> engineeringDecisions());
        return new Summary(2 + erpRows + cloudRows + campaign.items(), "2 systems with " + (erpRows + cloudRows)
                + " imported grants, a campaign in progress with " + campaign.items() + " items (" + decided + " decided)");
    }

    /** The engineering manager has started: plain developer access approved in bulk, the leaver's access revoked. */
    private int engineeringDecisions() {
        List<ReviewItem> queue = decisions.myQueue(true);
        List<Long> plain = queue.stream().filter(i -> !i.needsCare() && "DEVELOPER".equals(i.entitlement())).map(ReviewItem::id)
                .limit(6).toList();
        int decided = plain.isEmpty() ? 0 : decisions.approveAll(plain);
        for (ReviewItem item : queue) {
            if (item.flags().contains("TERMINATED")) {
                decisions.decide(item.id(), item.version(), ReviewDecisions.Decision.REVOKE, "Left the company");
                decided++;
            }
        }
        return decided;
    }

    private int commit(SystemInfo system, String file, String fileName) {
        byte[] bytes = file.getBytes(StandardCharsets.UTF_8);
        imports.commit(system.id(), bytes, fileName, ColumnMapping.guess(imports.header(bytes)), AccessImport.Progress.NONE);
        return (int) file.lines().count() - 1;
    }

    private static String line(SamplePerson p, String entitlement, LocalDate lastLogin, String status) {
        String account = p.email().substring(0, p.email().indexOf('@'));
        return String.join(",", account, entitlement, p.employeeId(), p.email(), p.fullName(), lastLogin.toString(), status) + "\n";
    }

    /** A sample manager's own decisions, signed in and audited as them. */
    private <T> T asUser(String username, Supplier<T> work) {
        var previous = SecurityContextHolder.getContext();
        SecurityContextHolder.setContext(SecurityContextHolder.createEmptyContext());
        SecurityContextHolder.getContext().setAuthentication(UsernamePasswordAuthenticationToken.authenticated(username, null,
                permissions.permissionsOf(EnumSet.of(Role.MANAGER)).stream().map(SimpleGrantedAuthority::new).toList()));
        try {
            return AuditOrigin.runAs(new AuditOrigin(username, null, null), work);
        } finally {
            SecurityContextHolder.setContext(previous);
        }
    }
}
