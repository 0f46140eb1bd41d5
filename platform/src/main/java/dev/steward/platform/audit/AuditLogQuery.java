package dev.steward.platform.audit;

import dev.steward.platform.db.generated.tables.records.AuditLogRecord;
import dev.steward.platform.security.PlatformPermissions;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

import static dev.steward.platform.db.generated.Tables.AUDIT_LOG;
import static org.jooq.impl.DSL.noCondition;

/** Reads the audit log for the Audit page and its export: filtered, newest first, paged by id (keyset). */
@Service
public class AuditLogQuery {

    private final DSLContext dsl;

    public AuditLogQuery(DSLContext dsl) {
        this.dsl = dsl;
    }

    /** Every field optional; text fields match exactly except {@code entityType}/{@code entityId}. */
    public record Filter(Instant from, Instant to, String actor, String module, String entityType, String entityId,
                         String action) {
        public static Filter none() {
            return new Filter(null, null, null, null, null, null, null);
        }
    }

    @PreAuthorize("hasAuthority('" + PlatformPermissions.AUDIT_READ + "')")
    @Transactional(readOnly = true)
    public List<AuditEntry> page(Filter filter, int offset, int limit) {
        return dsl.selectFrom(AUDIT_LOG).where(condition(filter)).orderBy(AUDIT_LOG.ID.desc())
                .offset(offset).limit(limit).fetch(AuditLogQuery::toEntry);
    }

    @PreAuthorize("hasAuthority('" + PlatformPermissions.AUDIT_READ + "')")
    @Transactional(readOnly = true)
    public int count(Filter filter) {
        return dsl.fetchCount(AUDIT_LOG, condition(filter));
    }

    @PreAuthorize("hasAuthority('" + PlatformPermissions.AUDIT_READ + "')")
    @Transactional(readOnly = true)
    public List<String> modules() {
        return dsl.selectDistinct(AUDIT_LOG.MODULE).from(AUDIT_LOG).orderBy(AUDIT_LOG.MODULE).fetch(AUDIT_LOG.MODULE);
    }

    /** Streams every matching entry, oldest first, in pages, so an export never holds the whole log in memory. */
    @PreAuthorize("hasAuthority('" + PlatformPermissions.AUDIT_READ + "')")
    @Transactional(readOnly = true)
    public void forEach(Filter filter, Consumer<AuditEntry> sink) {
        long lastId = 0;
        while (true) {
            List<AuditEntry> page = dsl.selectFrom(AUDIT_LOG).where(condition(filter)).and(AUDIT_LOG.ID.gt(lastId))
                    .orderBy(AUDIT_LOG.ID).limit(2_000).fetch(AuditLogQuery::toEntry);
            if (page.isEmpty()) {
                return;
            }
            page.forEach(sink);
            lastId = page.getLast().id();
        }
    }

    private static Condition condition(Filter f) {
        List<Condition> conditions = new ArrayList<>();
        if (f.from() != null) {
            conditions.add(AUDIT_LOG.OCCURRED_AT.ge(f.from()));
        }
        if (f.to() != null) {
            conditions.add(AUDIT_LOG.OCCURRED_AT.lt(f.to()));
        }
        if (notBlank(f.actor())) {
            conditions.add(AUDIT_LOG.ACTOR.eq(f.actor().trim()));
        }
        if (notBlank(f.module())) {
            conditions.add(AUDIT_LOG.MODULE.eq(f.module()));
        }
        if (notBlank(f.entityType())) {
            conditions.add(AUDIT_LOG.ENTITY_TYPE.eq(f.entityType().trim()));
        }
        if (notBlank(f.entityId())) {
            conditions.add(AUDIT_LOG.ENTITY_ID.eq(f.entityId().trim()));
        }
        if (notBlank(f.action())) {
            conditions.add(AUDIT_LOG.ACTION.eq(f.action().trim()));
        }
        return conditions.stream().reduce(noCondition(), Condition::and);
    }

    private static boolean notBlank(String s) {
        return s != null && !s.isBlank();
    }

    static AuditEntry toEntry(AuditLogRecord r) {
        return new AuditEntry(r.getId(), r.getOccurredAt(), r.getActor(), r.getClientIp(), r.getAuditSession(),
                r.getModule(), r.getEntityType(), r.getEntityId(), r.getAction(), r.getBeforeData(), r.getAfterData(),
                r.getReason(), r.getPrevHash(), r.getHash());
    }
}
