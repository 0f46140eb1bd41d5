package dev.steward.platform.audit;

import org.jooq.DSLContext;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.time.Instant;
import java.time.temporal.ChronoUnit;

import static dev.steward.platform.db.generated.Tables.AUDIT_LOG;
import static org.jooq.impl.DSL.field;
import static org.jooq.impl.DSL.inline;

/**
 * The one write path of the audit log. Runs in the caller's transaction, so an audit entry exists exactly when the
 * change it describes was committed. Appends are serialized with a transaction-scoped advisory lock, so the chain
 * has no forks even with several console instances on one database. Each append also writes a signed checkpoint of
 * the new head ({@link AuditCheckpoints}).
 */
@Service
public class AuditTrail {

    /** Arbitrary but fixed: the advisory-lock key that serializes appends to the chain. */
    private static final long CHAIN_LOCK = 0x5757_4152_4441_4c4cL;

    private final DSLContext dsl;
    private final AuditCheckpoints checkpoints;

    public AuditTrail(DSLContext dsl, AuditCheckpoints checkpoints) {
        this.dsl = dsl;
        this.checkpoints = checkpoints;
    }

    @Transactional
    public long record(AuditEvent event) {
        AuditOrigin origin = AuditOrigin.current(event.actor());
        String actor = event.actor() != null ? event.actor() : origin.actor();
        dsl.select(field("pg_advisory_xact_lock({0})", Object.class, inline(CHAIN_LOCK))).fetch();
        String prevHash = dsl.select(AUDIT_LOG.HASH).from(AUDIT_LOG).orderBy(AUDIT_LOG.ID.desc()).limit(1)
                .fetchOptional(AUDIT_LOG.HASH).orElse(AuditHash.GENESIS);
        Instant now = Instant.now().truncatedTo(ChronoUnit.MICROS); // what PostgreSQL keeps
        String before = event.before() == null ? null : CanonicalJson.write(event.before());
        String after = event.after() == null ? null : CanonicalJson.write(event.after());
        String hash = AuditHash.of(prevHash, now, actor, origin.clientIp(), origin.auditSession(), event.module(),
                event.entityType(), event.entityId(), event.action(), before, after, event.reason());
        long id = dsl.insertInto(AUDIT_LOG)
                .set(AUDIT_LOG.OCCURRED_AT, now)
                .set(AUDIT_LOG.ACTOR, actor)
                .set(AUDIT_LOG.CLIENT_IP, origin.clientIp())
                .set(AUDIT_LOG.AUDIT_SESSION, origin.auditSession())
                .set(AUDIT_LOG.MODULE, event.module())
                .set(AUDIT_LOG.ENTITY_TYPE, event.entityType())
                .set(AUDIT_LOG.ENTITY_ID, event.entityId())
                .set(AUDIT_LOG.ACTION, event.action())
                .set(AUDIT_LOG.BEFORE_DATA, before)
                .set(AUDIT_LOG.AFTER_DATA, after)
                .set(AUDIT_LOG.REASON, event.reason())
                .set(AUDIT_LOG.PREV_HASH, prevHash)
                .set(AUDIT_LOG.HASH, hash)
                .returning(AUDIT_LOG.ID)
                .fetchOne(AUDIT_LOG.ID);
        checkpoints.write(id, hash, now);
        return id;
    }
}
