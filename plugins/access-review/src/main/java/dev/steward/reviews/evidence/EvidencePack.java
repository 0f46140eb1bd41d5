package dev.steward.reviews.evidence;

import dev.steward.platform.Sha256;
import dev.steward.platform.export.ExportProgress;
import dev.steward.platform.export.PdfReport;
import dev.steward.reviews.ReviewPermissions;
import dev.steward.reviews.campaigns.Campaign;
import org.jooq.DSLContext;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.DigestOutputStream;
import java.security.MessageDigest;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/**
 * The evidence pack of a campaign for auditors, one zip: every item with its decision, the decision history, the
 * remediation with its proof, a PDF summary (scope, metrics, control mapping, integrity check) and a manifest of
 * SHA-256 hashes in the {@code sha256sum -c} format. For a closed campaign the items and decisions are checked
 * against the hashes recorded at close (also in the close's audit entry); an active campaign gives an interim pack.
 */
@Service
public class EvidencePack {

    public static final String SUMMARY = "summary.pdf";
    public static final String MANIFEST = "manifest.sha256";

    /** The controls this evidence supports, with what in the pack shows it. */
    static final Map<String, String> CONTROLS = controls();

    private final DSLContext dsl;
    private final CampaignReports reports;

    EvidencePack(DSLContext dsl, CampaignReports reports) {
        this.dsl = dsl;
        this.reports = reports;
    }

    /** How many rows the pack's files hold (for a progress bar). */
    @PreAuthorize(ReviewPermissions.MAY_READ)
    @Transactional(readOnly = true)
    public long rows(long campaignId) {
        return ((Number) dsl.fetchValue("""
                select (select count(*) from reviews.review_item where campaign_id = ?)
                     + (select count(*) from reviews.item_event e join reviews.review_item i on i.id = e.item_id where i.campaign_id = ?)
                     + (select count(*) from reviews.remediation where campaign_id = ?)""", campaignId, campaignId, campaignId)).longValue();
    }

    /** The file name for a campaign's pack. */
    public static String fileName(Campaign campaign) {
        return "access-review-" + campaign.id() + "-evidence.zip";
    }

    @PreAuthorize(ReviewPermissions.MAY_READ)
    @Transactional(readOnly = true)
    public void write(long campaignId, OutputStream out, ExportProgress progress) throws IOException {
        CampaignReport report = reports.report(campaignId);
        String recorded = dsl.fetchValue("select evidence_manifest from reviews.campaign where id = ?", campaignId) instanceof String s ? s : null;
        // a triggered review (V24): what triggered it, and the one person whose access it reviews
        var triggered = dsl.fetchOptional("""
                select t.reason, p.full_name from reviews.campaign c left join reviews.review_trigger t on t.campaign_id = c.id
                left join platform.person p on p.id = c.subject_person_id where c.id = ?""", campaignId);
        String trigger = triggered.map(r -> r.get(0, String.class)).orElse(null);
        String subject = triggered.map(r -> r.get(1, String.class)).orElse(null);
        AtomicLong done = new AtomicLong();
        Map<String, String> hashes = new LinkedHashMap<>();
        try (ZipOutputStream zip = new ZipOutputStream(out, StandardCharsets.UTF_8)) {
            long[] base = {0};
            java.util.function.LongConsumer rows = n -> progress.rowsWritten(base[0] + n);
            base[0] += entry(zip, EvidenceFiles.ITEMS, hashes, o -> EvidenceFiles.writeItems(dsl, campaignId, o, rows, progress::cancelled));
            base[0] += entry(zip, EvidenceFiles.DECISIONS, hashes, o -> EvidenceFiles.writeDecisions(dsl, campaignId, o, rows, progress::cancelled));
            base[0] += entry(zip, EvidenceFiles.REMEDIATION, hashes, o -> EvidenceFiles.writeRemediation(dsl, campaignId, o, rows, progress::cancelled));
            done.set(base[0]);
            Map<String, String> frozen = new LinkedHashMap<>();
            frozen.put(EvidenceFiles.ITEMS, hashes.get(EvidenceFiles.ITEMS));
            frozen.put(EvidenceFiles.DECISIONS, hashes.get(EvidenceFiles.DECISIONS));
            String integrity = integrity(report.campaign(), recorded, EvidenceFiles.manifest(frozen));
            entry(zip, SUMMARY, hashes, o -> {
                summary(report, hashes, integrity, trigger, subject, o);
                return 0;
            });
            zip.putNextEntry(new ZipEntry(MANIFEST));
            zip.write(EvidenceFiles.manifest(hashes).getBytes(StandardCharsets.UTF_8));
            zip.closeEntry();
        }
        progress.rowsWritten(done.get());
    }

    /** Whether the items and decisions are still what was recorded at close. */
    static String integrity(Campaign campaign, String recorded, String now) {
        if (campaign.status() != Campaign.Status.CLOSED || recorded == null) {
            return "Interim pack: the campaign is " + campaign.status().name().toLowerCase()
                    + "; decisions can still change until it is closed.";
        }
        return recorded.equals(now)
                ? "Items and decisions match the SHA-256 hashes recorded when the campaign was closed (also kept in the audit log)."
                : "WARNING: items or decisions differ from the SHA-256 hashes recorded at close. Recorded:\n" + recorded;
    }

    private interface EntryWriter {
        long write(OutputStream out) throws IOException;
    }

    private static long entry(ZipOutputStream zip, String name, Map<String, String> hashes, EntryWriter writer) throws IOException {
        zip.putNextEntry(new ZipEntry(name));
        MessageDigest digest = Sha256.digest();
        long rows;
        try (OutputStream out = new DigestOutputStream(EvidenceFiles.keepOpen(zip), digest)) {
            rows = writer.write(out);
        }
        zip.closeEntry();
        hashes.put(name, Sha256.hex(digest));
        return rows;
    }

    private static void summary(CampaignReport r, Map<String, String> hashes, String integrity, String trigger, String subject,
                                OutputStream out) {
        Campaign c = r.campaign();
        var d = c.definition();
        DateTimeFormatter time = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'").withZone(java.time.ZoneOffset.UTC);
        var t = r.totals();
        try (PdfReport pdf = PdfReport.start(out, "Access review evidence: " + c.name())) {
            pdf.meta("Campaign", "#" + c.id() + " · " + c.status().name().toLowerCase() + " · owner " + c.owner())
                    .meta("Period", time.format(d.startsAt()) + " to " + time.format(d.dueAt())
                            + (c.launchedAt() == null ? "" : " · launched " + time.format(c.launchedAt()))
                            + (c.closedAt() == null ? "" : " · closed " + time.format(c.closedAt())))
                    .meta("Systems", String.join(", ", r.systems()))
                    .meta("Scope", subject == null ? scope(d) : scope(d).replace(", everyone", "") + ", only the access of " + subject)
                    .meta("Triggered by", trigger == null ? "not triggered: a planned campaign" : trigger)
                    .meta("Reviewers", stages(d) + "; fallback " + d.fallbackReviewer() + "; undecided at the end of a stage: "
                            + d.noResponse().label().toLowerCase() + ", privileged or flagged: " + d.sensitiveNoResponse().label().toLowerCase()
                            + " after escalating to the reviewer's manager and then the fallback (" + d.escalationDays() + " days each)"
                            + "; reminders " + d.reminderDays() + " days before due; missed"
                            + " deadlines escalated to the " + (d.escalation() == dev.steward.reviews.campaigns.CampaignForm.Escalation.CAMPAIGN_OWNER
                            ? "campaign owner" : "reviewer's manager"));
            // who decided comes first: a campaign a person barely looked at must not read as a review
            pdf.text("Who decided");
            pdf.table("Measure", "Value");
            pdf.row("Items reviewed by a person", t.reviewedByAPerson());
            pdf.row("Decided by the no-response rule", t.decidedByTheRule());
            pdf.row("Privileged or flagged items kept by the no-response rule", t.sensitiveKeptByRule());
            pdf.row("Still pending", t.pending());
            pdf.text("Controls supported by this evidence");
            pdf.table("Control", "What this pack shows");
            CONTROLS.forEach(pdf::row);
            pdf.text("Outcome");
            pdf.table("Measure", "Value");
            pdf.row("Items in scope", t.items());
            pdf.row("Approved by reviewers", t.approved());
            pdf.row("Revoked by reviewers", t.revoked());
            pdf.row("Kept by the no-response rule", t.keptByRule());
            pdf.row("Revoked by the no-response rule", t.revokedByRule());
            pdf.row("Completion by reviewers", percent(t.completion()));
            pdf.row("Flagged / privileged items", t.flagged() + " / " + t.privileged());
            pdf.row("Routed to the fallback reviewer (no reviewer or self-review)", t.routedToFallback());
            pdf.row("Bulk decisions (unflagged, non-privileged only)", t.bulk() + " (" + percent(t.bulkShare()) + " of reviewer decisions)");
            pdf.row("Approvals within " + CampaignReports.QUICK_SECONDS + " s of the reviewer's previous decision", r.quickApprovals());
            pdf.row("Time to decide from launch, median / 90th percentile",
                    r.medianHoursToDecide() == null ? "no decisions" : hours(r.medianHoursToDecide()) + " / " + hours(r.p90HoursToDecide()));
            pdf.row("Reassigned / delegated items", r.reassigned() + " / " + r.delegated());
            pdf.row("Escalations of missed deadlines", r.escalations());
            r.remediation().forEach((status, n) -> pdf.row("Remediation " + status.toLowerCase().replace('_', ' '), n));
            pdf.text("Completion over time (reviewer decisions per day, UTC)");
            pdf.table("Day", "Decided", "Share of all items decided by then");
            r.completion().forEach(day -> pdf.row(day.day(), day.decided(), percent(day.cumulativeShare())));
            pdf.text("Per system");
            pdf.table("System", "Items", "Approved", "Revoked", "Pending", "By a person", "By the rule");
            r.bySystem().forEach(s -> pdf.row(s.system(), s.items(), s.approved(), s.revoked(), s.pending(), s.byPerson(), s.byRule()));
            pdf.text("Per reviewer");
            pdf.table("Reviewer", "Items", "Decided", "Bulk", "Left to the no-response rule");
            r.reviewers().forEach(v -> pdf.row(v.reviewer(), v.items(), v.decided(), v.bulk(), v.leftToRule()));
            pdf.text("Integrity");
            pdf.text(integrity);
            pdf.table("File", "SHA-256");
            hashes.forEach(pdf::row);
            pdf.text("The manifest (" + MANIFEST + ") lists every other file of this pack; check it with: sha256sum -c " + MANIFEST);
        }
    }

    private static String stages(dev.steward.reviews.campaigns.CampaignForm d) {
        StringBuilder s = new StringBuilder();
        for (int i = 0; i < d.stages().size(); i++) {
            var stage = d.stages().get(i);
            s.append(i == 0 ? "" : ", then ").append("stage ").append(i + 1).append(" by ")
                    .append(stage.reviewerRule() == dev.steward.reviews.campaigns.CampaignForm.ReviewerRule.NAMED
                            ? stage.namedReviewer() : stage.reviewerRule().name().toLowerCase().replace('_', ' '));
        }
        if (d.stages().size() > 1) {
            s.append(" (").append(d.stageRule().name().toLowerCase().replace('_', ' ')).append(')');
        }
        return s.toString();
    }

    private static String scope(dev.steward.reviews.campaigns.CampaignForm d) {
        StringBuilder s = new StringBuilder(d.entitlementFilter() == null ? "all entitlements" : "entitlements like " + d.entitlementFilter());
        if (d.privilegedOnly()) {
            s.append(", privileged only");
        }
        if (d.flaggedOnly()) {
            s.append(", flagged only");
        }
        s.append(d.orgUnitIds().isEmpty() ? ", everyone" : ", people in " + d.orgUnitIds().size() + " org unit(s)");
        return s.toString();
    }

    private static String percent(double share) {
        return String.format(Locale.ROOT, "%.1f %%", share * 100);
    }

    private static String hours(double h) {
        return h < 48 ? String.format(Locale.ROOT, "%.1f h", h) : String.format(Locale.ROOT, "%.1f days", h / 24);
    }

    private static Map<String, String> controls() {
        Map<String, String> c = new LinkedHashMap<>();
        c.put("SOC 2 CC6.2", "Access is authorised and removed when no longer needed: each grant's reviewer decision (who, when, "
                + "why) in items.csv and decisions.csv; every revoke's removal in remediation.csv, verified by a later import.");
        c.put("SOC 2 CC6.3", "Access is granted and changed by role with least privilege and segregation of duties: privileged, "
                + "SoD, peer-outlier, dormant, terminated and orphan flags with recommendations per item; comments required "
                + "for revokes and for approving flagged or privileged access; no bulk approval of those.");
        c.put("ISO/IEC 27001:2022 A.5.18", "Access rights are reviewed at regular intervals and adjusted: the campaign's scope, "
                + "frozen at launch, its reviewers (never the holders themselves), decisions and the removals that followed.");
        return c;
    }
}
