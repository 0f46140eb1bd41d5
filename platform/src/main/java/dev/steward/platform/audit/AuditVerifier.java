package dev.steward.platform.audit;

import dev.steward.platform.db.AuditSeal;
import org.jooq.DSLContext;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Isolation;
import org.springframework.transaction.annotation.Transactional;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;

import static dev.steward.platform.db.generated.Tables.AUDIT_CHECKPOINT;
import static dev.steward.platform.db.generated.Tables.AUDIT_LOG;
import static org.jooq.impl.DSL.noCondition;

/**
 * Walks the audit chain from the start and reports the first entry whose links or hash do not hold, and checks the
 * signed checkpoints of the chain head alongside: a checkpoint whose signature does not verify, that names an entry
 * which is missing (the tail was removed) or whose hash differs (an entry was edited and the chain re-computed), and
 * entries after the last checkpoint (appended without the console's key). Both are read in pages, in one snapshot.
 */
@Service
public class AuditVerifier {

    private static final int PAGE = 5_000;
    private final DSLContext dsl;
    private final AuditCheckpoints checkpoints;
    private final AuditSeal seal;

    public AuditVerifier(DSLContext dsl, AuditCheckpoints checkpoints, AuditSeal seal) {
        this.dsl = dsl;
        this.checkpoints = checkpoints;
        this.seal = seal;
    }

    /**
     * The outcome. {@code notSealed} says why the console's database role could still change the log (a superuser,
     * the table's owner), or is null when it may only read and append.
     */
    public record Result(boolean intact, long entriesChecked, long checkpointsChecked, Long firstBrokenId, String problem,
                         String notSealed, String head) {
        public String summary() {
            String outcome = intact ? "Audit chain intact: " + entriesChecked + " entries and " + checkpointsChecked + " signed checkpoints verified"
                    + (head == null ? "" : " (head: " + head + ")")
                    : "Audit chain BROKEN at entry " + firstBrokenId + ": " + problem + " (" + entriesChecked + " entries before it verified)";
            return notSealed == null ? outcome : outcome + ". Warning: the audit log is not sealed: " + notSealed;
        }
    }

    @Transactional(readOnly = true, isolation = Isolation.REPEATABLE_READ)
    public Result verify() {
        String notSealed = seal.problem().orElse(null);
        Walk walk = new Walk();
        long lastId = 0;
        while (true) {
            var page = dsl.selectFrom(AUDIT_LOG).where(AUDIT_LOG.ID.gt(lastId)).orderBy(AUDIT_LOG.ID).limit(PAGE)
                    .fetch(AuditLogQuery::toEntry);
            Deque<AuditCheckpoints.Checkpoint> signed = page.isEmpty() ? checkpointsAfter(lastId, null)
                    : checkpointsAfter(lastId, page.getLast().id());
            String problem = walk.page(page, signed);
            if (problem != null) {
                return new Result(false, walk.entries, walk.checkpoints, walk.brokenAt, problem, notSealed, null);
            }
            if (page.isEmpty()) {
                break;
            }
            lastId = page.getLast().id();
        }
        if (walk.checkpoints > 0 && walk.coveredUpTo < lastId) {
            long first = dsl.select(AUDIT_LOG.ID).from(AUDIT_LOG).where(AUDIT_LOG.ID.gt(walk.coveredUpTo))
                    .orderBy(AUDIT_LOG.ID).limit(1).fetchOne(AUDIT_LOG.ID);
            return new Result(false, walk.entries, walk.checkpoints, first,
                    "it and the entries after it have no signed checkpoint (they were not written by the console)", notSealed, null);
        }
        String head = walk.entries == 0 ? null : "entry " + lastId + ", hash " + walk.expectedPrev;
        return new Result(true, walk.entries, walk.checkpoints, null, null, notSealed, head);
    }

    private Deque<AuditCheckpoints.Checkpoint> checkpointsAfter(long entryId, Long upTo) {
        var query = dsl.selectFrom(AUDIT_CHECKPOINT).where(AUDIT_CHECKPOINT.ENTRY_ID.gt(entryId)
                        .and(upTo == null ? noCondition() : AUDIT_CHECKPOINT.ENTRY_ID.le(upTo)))
                .orderBy(AUDIT_CHECKPOINT.ENTRY_ID, AUDIT_CHECKPOINT.ID);
        // past the end of the chain, the first checkpoint left is the whole story
        return new ArrayDeque<>((upTo == null ? query.limit(1) : query).fetch(r -> new AuditCheckpoints.Checkpoint(r.getId(), r.getEntryId(), r.getEntryHash(),
                        r.getCreatedAt(), r.getMac())));
    }

    /** The state of one walk along the chain and its checkpoints, merged by entry id. */
    private final class Walk {
        String expectedPrev = AuditHash.GENESIS;
        long entries;
        long checkpoints;
        long coveredUpTo;
        Long brokenAt;

        /** Checks one page of entries and the checkpoints naming them (after the last page: any left); a problem or null. */
        String page(List<AuditEntry> page, Deque<AuditCheckpoints.Checkpoint> signed) {
            for (AuditEntry entry : page) {
                String problem = checkpointsBefore(entry.id(), signed);
                if (problem == null) {
                    problem = entry(entry);
                }
                if (problem == null) {
                    problem = checkpointsOf(entry, signed);
                }
                if (problem != null) {
                    return problem;
                }
            }
            return checkpointsBefore(Long.MAX_VALUE, signed);
        }

        private String entry(AuditEntry entry) {
            if (!entry.prevHash().equals(expectedPrev)) {
                brokenAt = entry.id();
                return "it links to " + abbreviate(entry.prevHash()) + " but the entry before it has hash " + abbreviate(expectedPrev)
                        + " (an entry was removed, inserted or re-chained)";
            }
            if (!AuditHash.of(entry).equals(entry.hash())) {
                brokenAt = entry.id();
                return "its content does not match its hash (the entry was changed)";
            }
            expectedPrev = entry.hash();
            entries++;
            return null;
        }

        /** Checkpoints naming an entry id the chain does not have. */
        private String checkpointsBefore(long entryId, Deque<AuditCheckpoints.Checkpoint> signed) {
            if (!signed.isEmpty() && signed.peek().entryId() < entryId) {
                var checkpoint = signed.poll();
                brokenAt = checkpoint.entryId();
                return forged(checkpoint) ? forgery(checkpoint)
                        : "a signed checkpoint names this entry, which is missing (entries were removed from the log)";
            }
            return null;
        }

        private String checkpointsOf(AuditEntry entry, Deque<AuditCheckpoints.Checkpoint> signed) {
            while (!signed.isEmpty() && signed.peek().entryId() == entry.id()) {
                var checkpoint = signed.poll();
                brokenAt = entry.id();
                if (forged(checkpoint)) {
                    return forgery(checkpoint);
                }
                if (!checkpoint.entryHash().equals(entry.hash())) {
                    return "its hash differs from the one its signed checkpoint recorded (the entry was changed and the chain re-computed)";
                }
                brokenAt = null;
                checkpoints++;
                coveredUpTo = entry.id();
            }
            return null;
        }

        private boolean forged(AuditCheckpoints.Checkpoint checkpoint) {
            return !AuditVerifier.this.checkpoints.signatureHolds(checkpoint);
        }

        private String forgery(AuditCheckpoints.Checkpoint checkpoint) {
            return "checkpoint " + checkpoint.id() + " naming this entry has a signature that does not verify"
                    + " (it was forged or edited, or the console's secrets key was replaced)";
        }
    }

    private static String abbreviate(String hash) {
        return hash.length() > 12 ? hash.substring(0, 12) + "…" : hash;
    }
}
