package dev.steward.vendors.registry;

import dev.steward.vendors.VendorAccess;
import dev.steward.vendors.VendorPermissions;
import org.jooq.DSLContext;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;

import static org.jooq.impl.DSL.inline;

/**
 * Every change to a vendor and its records, newest first, from the platform's audit log (read-only here, in SQL, as the
 * access reviews read the people directory): the vendor itself, and each record whose creation named the vendor
 * (contacts, services, contracts, certifications, assessments, findings, tier changes, tasks) or one of its services
 * (processing, sub-processor links).
 */
@Service
public class VendorHistory {

    static final int LIMIT = 500;

    private final DSLContext dsl;
    private final VendorAccess access;

    VendorHistory(DSLContext dsl, VendorAccess access) {
        this.dsl = dsl;
        this.access = access;
    }

    /** @param before and {@code after} hold only the changed columns of an update (canonical JSON) */
    public record Entry(Instant at, String actor, String entityType, String entityId, String action, String before, String after, String reason) {
    }

    @PreAuthorize(VendorPermissions.MAY_READ)
    @Transactional(readOnly = true)
    public List<Entry> of(long vendorId) {
        access.requireRead(vendorId);
        return dsl.resultQuery("""
                with created as (
                    select c.entity_type, c.entity_id from platform.audit_log c
                    where c.module = 'vendors' and c.action = 'CREATE'
                      and c.entity_type in ('contact', 'vendor_service', 'contract', 'certification', 'assessment', 'finding', 'tier_change',
                                            'reassessment_task')
                      and cast(c.after_data as jsonb) ->> 'vendor_id' = {0}
                    union all
                    select c.entity_type, c.entity_id from platform.audit_log c
                    where c.module = 'vendors' and c.action = 'CREATE' and c.entity_type in ('processing', 'sub_processor')
                      and cast(c.after_data as jsonb) ->> 'service_id' in (select s.id::text from vendors.vendor_service s where s.vendor_id = {1}))
                select a.occurred_at, a.actor, a.entity_type, a.entity_id, a.action, a.before_data, a.after_data, a.reason
                from platform.audit_log a
                where a.module = 'vendors' and ((a.entity_type = 'vendor' and a.entity_id = {0})
                      or (a.entity_type, a.entity_id) in (select entity_type, entity_id from created))
                order by a.id desc limit {2}""", inline(String.valueOf(vendorId)), inline(vendorId), inline(LIMIT))
                .fetch(r -> new Entry(r.get(0, OffsetDateTime.class).toInstant(), r.get(1, String.class), r.get(2, String.class),
                        r.get(3, String.class), r.get(4, String.class), r.get(5, String.class), r.get(6, String.class), r.get(7, String.class)));
    }
}
