package dev.steward.reviews.evidence;

import dev.steward.reviews.CompanyTestBase;
import dev.steward.platform.Sha256;
import dev.steward.platform.export.ExportProgress;
import dev.steward.platform.security.Role;
import dev.steward.reviews.campaigns.Campaign;
import dev.steward.reviews.campaigns.CampaignForm;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openpdf.text.pdf.PdfReader;
import org.openpdf.text.pdf.parser.PdfTextExtractor;
import org.springframework.security.access.AccessDeniedException;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.entry;
import static org.assertj.core.api.Assertions.tuple;

/** The campaign report's figures and the evidence pack's files, manifest and close-time integrity check. */
class EvidenceTest extends CompanyTestBase {

    Campaign campaign;

    /** Maria bulk-approves Jane's plain item, approves dormant Olaf with a reason, revokes terminated Al; the rest waits. */
    @BeforeEach
    void aCampaignHalfDecided() {
        Campaign draft = campaigns.create(CampaignForm.oneStage("Q4 ERP review", null, java.util.List.of(erp.id()), null, false, false,
                java.util.List.of(), CampaignForm.ReviewerRule.MANAGER, null, company.user("fiona"), CampaignForm.NoResponse.RECOMMENDATION,
                Instant.now(), Instant.now().plus(Duration.ofDays(14)))
                // the sensitive items too, so that the report has privileged access kept by the rule to count
                .withSensitiveNoResponse(CampaignForm.NoResponse.RECOMMENDATION));
        campaign = campaigns.launch(draft.id(), draft.version());
        mariasDecisions(company);
    }

    private Campaign close() {
        Campaign current = campaigns.find(campaign.id()).orElseThrow();
        campaigns.close(current.id(), current.version());
        return campaigns.find(campaign.id()).orElseThrow();
    }

    @Test
    void the_report_counts_decisions_by_who_made_them_bulk_and_quick_approvals_fallbacks_and_remediation() {
        close();
        CampaignReport report = bean(CampaignReports.class).report(campaign.id());

        var t = report.totals();
        assertThat(t.items()).isEqualTo(7);
        assertThat(t.approved()).isEqualTo(2);
        assertThat(t.revoked()).isEqualTo(1);
        // the rule follows the recommendation: Jane's SoD pair and the orphan are revoked, Maria's admin access kept
        assertThat(t.keptByRule()).isEqualTo(1);
        assertThat(t.revokedByRule()).isEqualTo(3);
        assertThat(t.pending()).isZero();
        assertThat(t.bulk()).isEqualTo(1);
        assertThat(t.bulkShare()).isEqualTo(1.0 / 3);
        assertThat(t.routedToFallback()).isEqualTo(2);
        assertThat(t.flagged()).isEqualTo(6);
        assertThat(t.privileged()).isEqualTo(1);
        assertThat(t.completion()).isEqualTo(3.0 / 7);
        // who decided, in the words the report and the summary open with
        assertThat(t.reviewedByAPerson()).isEqualTo("3 of 7 (43 %)");
        assertThat(t.decidedByTheRule()).isEqualTo("4 (kept 1, revoked 3)");
        assertThat(t.sensitiveKeptByRule()).isEqualTo(1); // Maria's own admin access: privileged, kept by the rule
        // Olaf's approval came right after the bulk approval; the revoke is not an approval; the bulk one is counted apart
        assertThat(report.quickApprovals()).isEqualTo(1);
        assertThat(report.medianHoursToDecide()).isNotNull().isLessThan(1.0);
        assertThat(report.reviewers()).extracting(CampaignReport.ReviewerLine::reviewer, CampaignReport.ReviewerLine::items,
                        CampaignReport.ReviewerLine::decided, CampaignReport.ReviewerLine::bulk, CampaignReport.ReviewerLine::leftToRule)
                .containsExactly(tuple(company.user("fiona"), 2, 0, 0, 2), tuple(company.user("maria"), 5, 3, 1, 2));
        assertThat(report.bySystem()).extracting(CampaignReport.SystemLine::system, CampaignReport.SystemLine::approved,
                CampaignReport.SystemLine::revoked, CampaignReport.SystemLine::pending, CampaignReport.SystemLine::byPerson,
                CampaignReport.SystemLine::byRule).containsExactly(tuple("ERP", 3, 4, 0, 3, 4));
        assertThat(report.completion()).extracting(CampaignReport.DayLine::day, CampaignReport.DayLine::decided)
                .containsExactly(tuple(LocalDate.now(ZoneOffset.UTC), 3));
        assertThat(report.remediation()).containsEntry("OPEN", 4).containsEntry("VERIFIED", 0);
        assertThat(report.systems()).containsExactly("ERP");
    }

    @Test
    void the_evidence_pack_holds_every_item_and_decision_with_a_manifest_and_proves_them_unchanged_since_close() throws Exception {
        Campaign closed = close();
        var remediation = bean(dev.steward.reviews.remediation.RemediationService.class);
        var al = remediation.list(null, null, 0, 100).stream().filter(i -> i.campaignId() == closed.id() && i.accountName().equals("asmith"))
                .findFirst().orElseThrow();
        remediation.mark(al.id(), al.version(), dev.steward.reviews.remediation.RemediationItem.Status.DONE, "CHG-4711");
        Map<String, byte[]> pack = unzip(pack(closed.id()));
        // each revocation with its ticket and every mark so far
        assertThat(new String(pack.get("remediation.csv"), StandardCharsets.UTF_8)).contains("ticket_or_reason").contains(",history")
                .contains("asmith,GL_VIEW,DONE,CHG-4711,ivy,").contains(" DONE by ivy (CHG-4711)");

        assertThat(pack).containsOnlyKeys("items.csv", "decisions.csv", "remediation.csv", "summary.pdf", "manifest.sha256");
        String items = new String(pack.get("items.csv"), StandardCharsets.UTF_8);
        assertThat(items.lines()).hasSize(8);
        assertThat(items).contains(",asmith,").contains("REVOKED," + company.user("maria")).contains("Left the company")
                .contains("no-response rule");
        String decisions = new String(pack.get("decisions.csv"), StandardCharsets.UTF_8);
        assertThat(decisions).contains(company.user("maria") + ",APPROVE,bulk").contains("Back from leave in January")
                .contains("no-response rule,REVOKE");
        assertThat(new String(pack.get("remediation.csv"), StandardCharsets.UTF_8).lines()).hasSize(5);

        // every file is in the manifest with its real hash, in sha256sum's format
        Map<String, String> manifest = new LinkedHashMap<>();
        new String(pack.get("manifest.sha256"), StandardCharsets.UTF_8).lines()
                .forEach(line -> manifest.put(line.substring(66), line.substring(0, 64)));
        assertThat(manifest).containsOnlyKeys("items.csv", "decisions.csv", "remediation.csv", "summary.pdf");
        manifest.forEach((file, hash) -> assertThat(Sha256.hex(pack.get(file))).as(file).isEqualTo(hash));

        // the hashes recorded at close are in the audit log and match the pack
        String closeAudit = (String) dsl.fetchValue("select after_data from platform.audit_log where module = 'reviews'"
                + " and entity_type = 'campaign' and entity_id = ? and action = 'CLOSE'", String.valueOf(closed.id()));
        assertThat(closeAudit).contains(manifest.get("items.csv") + "  items.csv").contains(manifest.get("decisions.csv") + "  decisions.csv");
        String summary = pdfText(pack.get("summary.pdf"));
        // the summary opens with who decided (headings come in page order; table text after them, without white space)
        assertThat(summary.indexOf("Who decided")).isPositive().isLessThan(summary.indexOf("Controls supported"));
        String letters = summary.replaceAll("\\s+", "");
        assertThat(letters).contains("Itemsreviewedbyaperson3of7(43%)").contains("Decidedbytheno-responserule4(kept1,revoked3)");
        assertThat(summary).contains("Access review evidence: Q4 ERP review").contains("SOC 2 CC6.2").contains("SOC 2 CC6.3")
                .contains("ISO/IEC 27001:2022 A.5.18").contains("Items and decisions match").contains(manifest.get("items.csv"));

        // someone edits a decision in the database after the close: the next pack says so
        dsl.execute("update reviews.review_item set comment = 'changed later' where campaign_id = ? and account_name = 'asmith'", closed.id());
        String tampered = pdfText(unzip(pack(closed.id())).get("summary.pdf"));
        assertThat(tampered).contains("WARNING: items or decisions differ").doesNotContain("Items and decisions match");
    }

    @Test
    void an_active_campaign_gives_an_interim_pack_and_only_administrators_and_auditors_get_reports() throws Exception {
        assertThat(pdfText(unzip(pack(campaign.id())).get("summary.pdf"))).contains("Interim pack: the campaign is active");
        assertThat(bean(EvidencePack.class).rows(campaign.id())).isEqualTo(7 + 3);

        loginAs("audrey", Role.AUDITOR);
        assertThat(bean(CampaignReports.class).report(campaign.id()).totals().items()).isEqualTo(7);
        assertThat(unzip(pack(campaign.id()))).containsKey("items.csv");

        loginAs(company.user("maria"), Role.MANAGER);
        assertThatThrownBy(() -> bean(CampaignReports.class).report(campaign.id())).isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> pack(campaign.id())).isInstanceOf(AccessDeniedException.class);
    }

    private byte[] pack(long campaignId) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        bean(EvidencePack.class).write(campaignId, out, ExportProgress.NONE);
        return out.toByteArray();
    }

    private static Map<String, byte[]> unzip(byte[] zip) throws Exception {
        Map<String, byte[]> files = new LinkedHashMap<>();
        try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(zip))) {
            for (ZipEntry e; (e = in.getNextEntry()) != null; ) {
                files.put(e.getName(), in.readAllBytes());
            }
        }
        return files;
    }

    private static String pdfText(byte[] pdf) throws Exception {
        PdfReader reader = new PdfReader(pdf);
        PdfTextExtractor extractor = new PdfTextExtractor(reader);
        StringBuilder text = new StringBuilder();
        for (int page = 1; page <= reader.getNumberOfPages(); page++) {
            text.append(extractor.getTextFromPage(page)).append('\n');
        }
        return text.toString();
    }
}
