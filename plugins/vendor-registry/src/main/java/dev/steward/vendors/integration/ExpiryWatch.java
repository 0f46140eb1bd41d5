package dev.steward.vendors.integration;

import dev.steward.platform.notifications.Notification;
import dev.steward.platform.notifications.NotificationService;
import dev.steward.platform.spi.ScheduledJob;
import dev.steward.vendors.VendorOwners;
import dev.steward.vendors.VendorPermissions;
import dev.steward.vendors.contracts.Contracts;
import dev.steward.vendors.contracts.DpaStatus;
import dev.steward.vendors.tasks.ReassessmentTasks;
import org.jooq.DSLContext;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

import java.time.LocalDate;
import java.util.Map;

import static org.jooq.impl.DSL.inline;

/**
 * Daily: a vendor whose DPA expired, or whose latest certificate of a kind expired without a successor, is flagged
 * with a reassessment task (once per expiry) and its owner is told.
 */
@Component
public class ExpiryWatch implements ScheduledJob {

    private final DSLContext dsl;
    private final Contracts contracts;
    private final ReassessmentTasks tasks;
    private final NotificationService notifications;
    private final TransactionTemplate transaction;

    ExpiryWatch(DSLContext dsl, Contracts contracts, ReassessmentTasks tasks, NotificationService notifications, TransactionTemplate transaction) {
        this.dsl = dsl;
        this.contracts = contracts;
        this.tasks = tasks;
        this.notifications = notifications;
        this.transaction = transaction;
    }

    @Override
    public String id() {
        return "vendors.expiry-watch";
    }

    @Override
    public String description() {
        return "Opens a reassessment task when a vendor's DPA or a certificate expires";
    }

    @Override
    public Schedule schedule() {
        return Schedule.cron("0 15 5 * * *");
    }

    @Override
    public void run(JobContext context) {
        runOnce(LocalDate.now());
    }

    /** Returns how many tasks were opened. */
    @PreAuthorize(VendorPermissions.MAY_EDIT_EVERY_VENDOR)
    public int runOnce(LocalDate today) {
        Integer opened = transaction.execute(status -> expiredCertificates(today) + expiredDpas(today));
        return opened == null ? 0 : opened;
    }

    private int expiredCertificates(LocalDate today) {
        int opened = 0;
        for (var r : dsl.resultQuery("""
                select c.id, c.vendor_id, c.type, coalesce(c.name, c.type) label, c.valid_to, v.legal_name, %s owner
                from vendors.certification c join vendors.vendor v on v.id = c.vendor_id
                where c.valid_to < {0} and v.status <> 'TERMINATED'
                  and not exists (select 1 from vendors.certification n where n.vendor_id = c.vendor_id and n.type = c.type
                                  and coalesce(n.name, '') = coalesce(c.name, '') and n.valid_to > c.valid_to)""".formatted(VendorOwners.OWNER_OF_V),
                inline(today)).fetch()) {
            String reason = r.get("label", String.class).replace('_', ' ') + " certificate expired on " + r.get("valid_to", LocalDate.class);
            opened += open(r.get("vendor_id", Long.class), "certification:" + r.get("id", Long.class) + ":expired", reason,
                    r.get("legal_name", String.class), r.get("owner", String.class), today);
        }
        return opened;
    }

    private int expiredDpas(LocalDate today) {
        int opened = 0;
        for (var r : dsl.resultQuery("""
                select v.id, v.legal_name, %s owner, max(c.ends_on) ended from vendors.vendor v join vendors.contract c on c.vendor_id = v.id
                where c.type = 'DPA' and v.status <> 'TERMINATED' and (c.status = 'TERMINATED' or (c.ends_on < {0} and not c.auto_renewal))
                group by v.id, v.legal_name""".formatted(VendorOwners.OWNER_OF_V), inline(today)).fetch()) {
            long vendorId = r.get("id", Long.class);
            var state = contracts.dpaStateAsOf(vendorId, today);
            if (state.status() == DpaStatus.EXPIRED) {
                opened += open(vendorId, "dpa:" + vendorId + ":expired:" + r.get("ended", LocalDate.class), state.reason(),
                        r.get("legal_name", String.class), r.get("owner", String.class), today);
            }
        }
        return opened;
    }

    private int open(long vendorId, String key, String reason, String vendorName, String owner, LocalDate today) {
        return tasks.openOnce(vendorId, key, reason, today).map(task -> {
            notifications.send(new Notification(VendorPermissions.PLUGIN_ID, "vendors.reassessment", owner,
                    "Reassess " + vendorName + ": " + reason, reason + ". Reassess the vendor by " + task.dueOn() + ".",
                    "vendors/" + vendorId, Map.of("vendorId", vendorId)));
            return 1;
        }).orElse(0);
    }
}
