package dev.steward.vendors.integration;

import dev.steward.platform.spi.DeadlineSource;
import dev.steward.vendors.VendorOwners;
import dev.steward.vendors.VendorPermissions;
import dev.steward.vendors.contracts.ContractStatus;
import dev.steward.vendors.contracts.ContractTerms;
import dev.steward.vendors.contracts.ContractType;
import org.jooq.DSLContext;
import org.jooq.Record;
import org.springframework.stereotype.Component;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

/**
 * Vendor dates as platform deadlines, owned by the vendor's business owner (else who registered it): the end of a
 * contract's term (a contract that renews itself has none: its notice date is the deadline), the last day to give
 * notice, a certificate's expiry (met once a newer one of its kind is recorded), the next review, and open
 * reassessment tasks. Contract and certificate reminders start 60 days ahead: notice periods need time.
 */
@Component
class VendorDeadlines implements DeadlineSource {

    static final List<Duration> EXPIRY_REMINDERS = List.of(Duration.ofDays(60), Duration.ofDays(30), Duration.ofDays(7));

    private final DSLContext dsl;

    VendorDeadlines(DSLContext dsl) {
        this.dsl = dsl;
    }

    @Override
    public String officerPermission() {
        return VendorPermissions.EDIT;
    }

    /** Registry readers see every vendor's dates; a business owner only their own vendors' (not their reports'). */
    @Override
    public String readPermission(Deadline deadline) {
        return VendorPermissions.READ;
    }

    @Override
    public String ownerPermission(Deadline deadline) {
        return VendorPermissions.OWN;
    }

    @Override
    public Duration longestReminder() {
        return Duration.ofDays(60);
    }

    @Override
    public List<Deadline> deadlines(DeadlineQuery query) {
        LocalDate today = LocalDate.now(ZoneOffset.UTC);
        List<Deadline> all = new ArrayList<>();
        contracts(query, today, all);
        certificates(query, today, all);
        reviews(query, today, all);
        tasks(query, today, all);
        return all.stream().filter(d -> query.dueBefore() == null || d.due().isBefore(query.dueBefore()))
                .filter(d -> !query.openOnly() || d.state() == State.OPEN || d.state() == State.MISSED).toList();
    }

    private void contracts(DeadlineQuery query, LocalDate today, List<Deadline> all) {
        for (Record r : rows("""
                select c.id, c.vendor_id, c.type, c.status, c.effective_on, c.ends_on, c.auto_renewal, c.renewal_months, c.notice_days,
                       v.legal_name, %s owner,
                       exists (select 1 from vendors.contract n where n.vendor_id = c.vendor_id and n.type = c.type and n.id <> c.id
                               and n.status = 'SIGNED' and (n.ends_on is null or n.auto_renewal or n.ends_on > c.ends_on)) superseded
                from vendors.contract c join vendors.vendor v on v.id = c.vendor_id
                where c.status = 'SIGNED' and c.ends_on is not null and v.status <> 'TERMINATED'""", query)) {
            ContractTerms.Term term = ContractTerms.of(ContractStatus.SIGNED, r.get("effective_on", LocalDate.class), r.get("ends_on", LocalDate.class),
                    r.get("auto_renewal", Boolean.class), r.get("renewal_months", Integer.class), r.get("notice_days", Integer.class), today);
            ContractType type = ContractType.valueOf(r.get("type", String.class));
            String vendor = r.get("legal_name", String.class);
            long id = r.get("id", Long.class);
            Severity severity = type == ContractType.DPA || type == ContractType.SCC ? Severity.HIGH : Severity.MEDIUM;
            boolean superseded = r.get("superseded", Boolean.class);
            if (!term.renews()) {
                Deadline end = deadline("contract:" + id + ":end:" + term.currentEnd(), type + " with " + vendor + " ends", r, term.currentEnd(),
                        severity, today);
                all.add(superseded ? met(end, "A newer " + type + " is signed") : end);
            }
            if (term.noticeBy() != null && !superseded) {
                all.add(deadline("contract:" + id + ":notice:" + term.noticeBy(), "Last day to give notice on the " + type + " with " + vendor
                        + (term.renews() ? " before it renews on " + term.currentEnd() : ""), r, term.noticeBy(), severity, today));
            }
        }
    }

    private void certificates(DeadlineQuery query, LocalDate today, List<Deadline> all) {
        for (Record r : rows("""
                select c.id, c.vendor_id, coalesce(c.name, c.type) label, c.valid_to, v.legal_name, %s owner,
                       exists (select 1 from vendors.certification n where n.vendor_id = c.vendor_id and n.type = c.type
                               and coalesce(n.name, '') = coalesce(c.name, '') and n.valid_to > c.valid_to) superseded
                from vendors.certification c join vendors.vendor v on v.id = c.vendor_id where v.status <> 'TERMINATED'""", query)) {
            LocalDate validTo = r.get("valid_to", LocalDate.class);
            Deadline d = deadline("certification:" + r.get("id", Long.class) + ":expiry",
                    r.get("label", String.class).replace('_', ' ') + " of " + r.get("legal_name", String.class) + " expires", r, validTo.plusDays(1),
                    Severity.MEDIUM, today);
            all.add(r.get("superseded", Boolean.class) ? met(d, "A newer certificate is recorded") : d);
        }
    }

    private void reviews(DeadlineQuery query, LocalDate today, List<Deadline> all) {
        for (Record r : rows("""
                select v.id vendor_id, v.legal_name, v.tier, v.next_review_on, %s owner from vendors.vendor v
                where v.next_review_on is not null and v.status <> 'TERMINATED'""", query)) {
            Integer tier = r.get("tier", Integer.class);
            all.add(deadline("vendor:" + r.get("vendor_id", Long.class) + ":review:" + r.get("next_review_on", LocalDate.class),
                    "Review " + r.get("legal_name", String.class) + (tier == null ? " (not assessed yet)" : " (tier " + tier + ")"), r,
                    r.get("next_review_on", LocalDate.class), tier != null && tier == 1 ? Severity.HIGH : Severity.MEDIUM, today));
        }
    }

    private void tasks(DeadlineQuery query, LocalDate today, List<Deadline> all) {
        for (Record r : rows("""
                select t.id, t.vendor_id, t.reason, t.due_on, t.done_at, v.legal_name, %s owner
                from vendors.reassessment_task t join vendors.vendor v on v.id = t.vendor_id""", query)) {
            Deadline d = deadline("task:" + r.get("id", Long.class) + ":reassess", "Reassess " + r.get("legal_name", String.class) + ": "
                    + r.get("reason", String.class), r, r.get("due_on", LocalDate.class), Severity.HIGH, today);
            all.add(r.get("done_at") != null ? met(d, "Reassessed") : d);
        }
    }

    /** The rows of a query whose {@code %s} is the owner expression, restricted to the asked owners in SQL. */
    private List<Record> rows(String sql, DeadlineQuery query) {
        String withOwner = sql.formatted(VendorOwners.OWNER_OF_V);
        if (query.owners() == null) {
            return dsl.fetch(withOwner);
        }
        return dsl.fetch("select * from (" + withOwner + ") q where q.owner = any(?)", (Object) query.owners().toArray(String[]::new));
    }

    private static Deadline deadline(String key, String title, Record r, LocalDate day, Severity severity, LocalDate today) {
        Instant due = day.atStartOfDay(ZoneOffset.UTC).toInstant();
        return new Deadline("vendors:" + key, VendorPermissions.PLUGIN_ID, title, r.get("owner", String.class), due, severity,
                "vendors/" + r.get("vendor_id", Long.class), day.isBefore(today) ? State.MISSED : State.OPEN, null, EXPIRY_REMINDERS, null);
    }

    private static Deadline met(Deadline d, String note) {
        return new Deadline(d.key(), d.module(), d.title(), d.owner(), d.due(), d.severity(), d.link(), State.MET, note, d.reminders(), d.escalateTo());
    }
}
