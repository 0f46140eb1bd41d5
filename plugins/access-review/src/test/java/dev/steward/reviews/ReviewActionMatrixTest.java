package dev.steward.reviews;

import dev.steward.testkit.console.ActionMatrix;
import dev.steward.testkit.console.ActionMatrix.Action;
import dev.steward.platform.search.SearchService;
import dev.steward.platform.security.Role;
import dev.steward.reviews.campaigns.CampaignService;
import dev.steward.reviews.decisions.CampaignItems;
import dev.steward.reviews.decisions.ReviewDecisions;
import dev.steward.reviews.imports.AccessImport;
import dev.steward.reviews.imports.ColumnMapping;
import dev.steward.reviews.imports.ImportFormat;
import dev.steward.reviews.imports.Snapshots;
import dev.steward.reviews.integration.ReviewStats;
import dev.steward.reviews.ldap.LdapSettings;
import dev.steward.reviews.ldap.LdapSourceService;
import dev.steward.reviews.remediation.RemediationService;
import dev.steward.reviews.systems.Entitlements;
import dev.steward.reviews.systems.SodRules;
import dev.steward.reviews.systems.SystemInfo;
import dev.steward.reviews.systems.SystemService;
import dev.steward.reviews.triggers.TriggerSettings;
import dev.steward.reviews.triggers.TriggeredReviews;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

import static dev.steward.platform.security.Role.AUDITOR;
import static dev.steward.platform.security.Role.MANAGER;
import static dev.steward.platform.security.Role.PRIVACY_OFFICER;
import static dev.steward.platform.security.Role.SECURITY_ANALYST;
import static org.assertj.core.api.Assertions.assertThat;

/** Each role x each action of the access-review plugin, on the services: allowed roles pass the check, others are refused. */
class ReviewActionMatrixTest extends ReviewsTestBase {

    private static final Set<Role> ADMINS = Set.of(PRIVACY_OFFICER, SECURITY_ANALYST);
    private static final Set<Role> READERS = Set.of(PRIVACY_OFFICER, SECURITY_ANALYST, AUDITOR);
    private static final Set<Role> REVIEWERS = Set.of(PRIVACY_OFFICER, SECURITY_ANALYST, MANAGER);

    static final List<Action<ReviewActionMatrixTest>> ACTIONS = List.of(
            new Action<>("list systems", READERS, t -> t.bean(SystemService.class).list()),
            new Action<>("find a system by code", READERS, t -> t.bean(SystemService.class).byCode("matrix")),
            new Action<>("save a system", ADMINS, t -> t.bean(SystemService.class).save(new SystemInfo(null, "", "", null, null, false, null, 0))),
            new Action<>("mark an entitlement privileged", ADMINS, t -> t.bean(SystemService.class).setPrivileged(-1, "X", true)),
            new Action<>("search people for a system owner", ADMINS, t -> t.bean(SystemService.class).ownerCandidates("a", 0, 10)),
            new Action<>("read a system owner", READERS, t -> t.bean(SystemService.class).person(-1)),
            new Action<>("list system owners", READERS, t -> t.bean(SystemService.class).ownerNames()),
            new Action<>("list a system's entitlements", READERS, t -> t.bean(Entitlements.class).list(-1, null, 0, 10)),
            new Action<>("count a system's entitlements", READERS, t -> t.bean(Entitlements.class).count(-1, null)),
            new Action<>("pick an entitlement name", READERS, t -> t.bean(Entitlements.class).names(-1, null, 0, 10)),
            new Action<>("preview marking privileged by rule", ADMINS, t -> t.bean(Entitlements.class).previewPrivilegedRule(-1, "%A%")),
            new Action<>("mark privileged by rule", ADMINS, t -> t.bean(Entitlements.class).markPrivilegedByRule(-1, "%A%")),
            new Action<>("list SoD rules", READERS, t -> t.bean(SodRules.class).list(null)),
            new Action<>("add a SoD rule", ADMINS, t -> t.bean(SodRules.class).add("x", -1, "A", -1, "B", null)),
            new Action<>("delete a SoD rule", ADMINS, t -> t.bean(SodRules.class).delete(-1)),
            new Action<>("list a system's imports", READERS, t -> t.bean(Snapshots.class).history(-1)),
            new Action<>("diff two imports", READERS, t -> t.bean(Snapshots.class).diff(-1, -1, -2)),
            new Action<>("page the grants of a diff", READERS, t -> t.bean(Snapshots.class).grants(-1, -1, -2, Snapshots.GrantChange.ADDED, 0, 10)),
            new Action<>("page the accounts of a diff", READERS, t -> t.bean(Snapshots.class).accounts(-1, -1, -2,
                    Snapshots.AccountChange.CHANGED, 0, 10)),
            new Action<>("name a diff's file", READERS, t -> t.bean(Snapshots.class).fileName(-1, -1, -2)),
            new Action<>("export a diff", READERS, t -> t.bean(Snapshots.class).exportCsv(-1, -1, -2, java.io.OutputStream.nullOutputStream(),
                    dev.steward.platform.export.ExportProgress.NONE)),
            new Action<>("preview an import", ADMINS, t -> t.bean(AccessImport.class).preview(-1, "a,b\n".getBytes(StandardCharsets.UTF_8),
                    new ColumnMapping("a", "b", null, null, null, null), AccessImport.Progress.NONE)),
            new Action<>("read an uploaded file's header", ADMINS, t -> t.bean(AccessImport.class).header(java.nio.file.Path.of("no-such-upload.csv"))),
            new Action<>("preview an uploaded import", ADMINS, t -> t.bean(AccessImport.class).preview(-1, java.nio.file.Path.of("no-such-upload.csv"),
                    ImportFormat.generic(new ColumnMapping("a", "b", null, null, null, null)), AccessImport.Progress.NONE)),
            new Action<>("import an uploaded file", ADMINS, t -> t.bean(AccessImport.class).commit(-1, java.nio.file.Path.of("no-such-upload.csv"),
                    "x.csv", ImportFormat.generic(new ColumnMapping("a", "b", null, null, null, null)), AccessImport.Progress.NONE)),
            new Action<>("read a system's remembered import format", ADMINS, t -> t.bean(AccessImport.class).proposedFormat(-1,
                    java.util.List.of("a", "b"))),
            new Action<>("read the import size limit", ADMINS, t -> t.bean(AccessImport.class).maxBytes()),
            new Action<>("recognise the files of a multi-file export", ADMINS, t -> t.bean(AccessImport.class).plan(null,
                    List.of(new dev.steward.reviews.imports.BundleFile("users.csv", java.nio.file.Path.of("no-such-upload.csv"), null)))),
            new Action<>("preview a multi-file import", ADMINS, t -> t.bean(AccessImport.class).previewBundle(-1,
                    dev.steward.reviews.imports.AccessPreset.ENTRA_ID, List.of(new dev.steward.reviews.imports.BundleFile("users.csv",
                            java.nio.file.Path.of("no-such-upload.csv"), null)), AccessImport.Progress.NONE)),
            new Action<>("import several files", ADMINS, t -> t.bean(AccessImport.class).commitBundle(-1,
                    dev.steward.reviews.imports.AccessPreset.ENTRA_ID, List.of(new dev.steward.reviews.imports.BundleFile("users.csv",
                            java.nio.file.Path.of("no-such-upload.csv"), null)), AccessImport.Progress.NONE)),
            new Action<>("read LDAP settings", ADMINS, t -> t.bean(LdapSourceService.class).get(-1)),
            new Action<>("save LDAP settings", ADMINS, t -> t.bean(LdapSourceService.class).save(LdapSettings.defaults(-1))),
            new Action<>("test an LDAP connection", ADMINS, t -> t.bean(LdapSourceService.class).testConnection(-1)),
            new Action<>("preview an LDAP import", ADMINS, t -> t.bean(AccessImport.class).previewLdap(-1, AccessImport.Progress.NONE)),
            new Action<>("import from LDAP", ADMINS, t -> t.bean(AccessImport.class).commitLdap(-1, AccessImport.Progress.NONE)),
            new Action<>("list campaigns", READERS, t -> t.bean(CampaignService.class).list()),
            new Action<>("create a campaign", ADMINS, t -> t.bean(CampaignService.class).create(null)),
            new Action<>("launch a campaign", ADMINS, t -> t.bean(CampaignService.class).launch(-1, 0)),
            new Action<>("preview a close", READERS, t -> t.bean(CampaignService.class).closePreview(-1)),
            new Action<>("preview the end of a stage", READERS, t -> t.bean(dev.steward.reviews.campaigns.CampaignStages.class).preview(-1)),
            new Action<>("open the next stage", ADMINS, t -> t.bean(dev.steward.reviews.campaigns.CampaignStages.class).advance(-1, 0)),
            new Action<>("read a campaign report", READERS, t -> t.bean(dev.steward.reviews.evidence.CampaignReports.class).report(-1)),
            new Action<>("write an evidence pack", READERS, t -> {
                try {
                    t.bean(dev.steward.reviews.evidence.EvidencePack.class).write(-1, java.io.OutputStream.nullOutputStream(),
                            dev.steward.platform.export.ExportProgress.NONE);
                } catch (java.io.IOException e) {
                    throw new java.io.UncheckedIOException(e);
                }
            }),
            new Action<>("read a campaign's items", READERS, t -> t.bean(CampaignItems.class).count(-1, CampaignItems.Filter.none())),
            new Action<>("page a campaign's items", READERS, t -> t.bean(CampaignItems.class).page(-1, CampaignItems.Filter.none(), 0, 50)),
            new Action<>("page a campaign's items after an item", READERS, t -> t.bean(CampaignItems.class).pageAfter(-1,
                    new CampaignItems.Filter(null, null, null, true), 0, 0, 50)),
            new Action<>("scroll a campaign's items", READERS, t -> dev.steward.reviews.decisions.ItemPages.of(t.bean(CampaignItems.class), -1,
                    new CampaignItems.Filter(null, null, null, true)).page(0, 50)),
            new Action<>("see one's queue", REVIEWERS, t -> t.bean(ReviewDecisions.class).myQueue(true)),
            new Action<>("decide an item", REVIEWERS, t -> t.bean(ReviewDecisions.class).decide(-1, 0, ReviewDecisions.Decision.APPROVE, "x")),
            new Action<>("bulk approve", REVIEWERS, t -> t.bean(ReviewDecisions.class).approveAll(List.of())),
            new Action<>("list remediation", READERS, t -> t.bean(RemediationService.class).count(null, null)),
            new Action<>("escalate revocations an import still finds", ADMINS, t -> t.bean(RemediationService.class).escalateNotRemoved(-1, -1)),
            new Action<>("mark remediation", ADMINS, t -> t.bean(RemediationService.class).mark(-1, 0,
                    dev.steward.reviews.remediation.RemediationItem.Status.DONE, "CHG-1")),
            new Action<>("read a revocation's history", READERS, t -> t.bean(RemediationService.class).history(-1)),
            new Action<>("edit a draft campaign", ADMINS, t -> t.bean(dev.steward.reviews.campaigns.CampaignService.class).update(-1, 0, null)),
            new Action<>("escalate the sensitive items due", ADMINS,
                    t -> t.bean(dev.steward.reviews.campaigns.SensitiveEscalation.class).escalateDue(java.time.Instant.EPOCH)),
            new Action<>("delete a draft campaign", ADMINS, t -> t.bean(dev.steward.reviews.campaigns.CampaignService.class).deleteDraft(-1, 0)),
            new Action<>("list repeated campaigns", READERS, t -> t.bean(dev.steward.reviews.campaigns.RecurringCampaigns.class).list()),
            new Action<>("repeat a campaign", ADMINS, t -> t.bean(dev.steward.reviews.campaigns.RecurringCampaigns.class).repeat(-1,
                    dev.steward.reviews.campaigns.RecurringCampaigns.Frequency.YEARLY, java.time.Instant.now().plusSeconds(86_400))),
            new Action<>("stop a repeated campaign", ADMINS, t -> t.bean(dev.steward.reviews.campaigns.RecurringCampaigns.class).stop(-1, 0)),
            new Action<>("launch the repeated campaigns due", ADMINS,
                    t -> t.bean(dev.steward.reviews.campaigns.RecurringCampaigns.class).launchDue(java.time.Instant.EPOCH)),
            new Action<>("read the triggered-review settings", READERS, t -> t.bean(TriggeredReviews.class).settings()),
            new Action<>("see who owns triggered reviews", READERS, t -> t.bean(TriggeredReviews.class).currentOwner()),
            new Action<>("list who may own triggered reviews", ADMINS, t -> t.bean(TriggeredReviews.class).ownerCandidates()),
            new Action<>("save the triggered-review settings", ADMINS, t -> t.bean(TriggeredReviews.class).saveSettings(
                    new TriggerSettings(true, true, true, 0, null, -1))),
            new Action<>("list the latest triggers", READERS, t -> t.bean(TriggeredReviews.class).recent(10)),
            new Action<>("read which campaigns were triggered", READERS, t -> t.bean(TriggeredReviews.class).byCampaign()),
            new Action<>("launch the pending triggered reviews", ADMINS, t -> t.bean(TriggeredReviews.class).launchPending(java.time.Instant.now())),
            new Action<>("dashboard: campaign progress", READERS, t -> t.bean(ReviewStats.class).activeCampaigns()),
            new Action<>("dashboard: my pending", REVIEWERS, t -> t.bean(ReviewStats.class).myPending()));

    static Stream<Arguments> roleAndAction() {
        return ActionMatrix.everyRoleAndAction(ACTIONS);
    }

    @ParameterizedTest(name = "{0}: {1}")
    @MethodSource("roleAndAction")
    void each_action_is_allowed_exactly_for_its_roles(Role role, Action<ReviewActionMatrixTest> action) {
        ActionMatrix.assertAllowedExactlyForItsRoles(this, role, action);
    }

    @Autowired
    SearchService search;

    @Test
    void global_search_finds_systems_for_readers_only() {
        loginAs("ivy", SECURITY_ANALYST);
        system("Payroll Cloud");
        assertThat(search.search("payroll cloud", 10)).anyMatch(g -> g.name().equals("Systems under access review")
                && g.hits().stream().anyMatch(h -> h.title().startsWith("Payroll Cloud (")));
        loginAs("max", MANAGER);
        assertThat(search.search("payroll cloud", 10)).noneMatch(g -> g.name().equals("Systems under access review"));
    }
}
