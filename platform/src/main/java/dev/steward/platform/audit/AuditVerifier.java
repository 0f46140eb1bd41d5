package dev.steward.platform.audit;

import org.jooq.DSLContext;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import static dev.steward.platform.db.generated.Tables.AUDIT_LOG;

/** Walks the audit chain from the start and reports the first entry whose links or hash do not hold. */
@Service
public class AuditVerifier {

    private static final int PAGE = 5_000;
    private final DSLContext dsl;

    public AuditVerifier(DSLContext dsl) {
        this.dsl = dsl;
    }

    public record Result(boolean intact, long entriesChecked, Long firstBrokenId, String problem) {
        public String summary() {
            return intact ? "Audit chain intact: " + entriesChecked + " entries verified"
                    : "Audit chain BROKEN at entry " + firstBrokenId + ": " + problem + " (" + entriesChecked + " entries before it verified)";
        }
    }

    @Transactional(readOnly = true)
    public Result verify() {
        String expectedPrev = AuditHash.GENESIS;
        long lastId = 0;
        long checked = 0;
        while (true) {
            var page = dsl.selectFrom(AUDIT_LOG).where(AUDIT_LOG.ID.gt(lastId)).orderBy(AUDIT_LOG.ID).limit(PAGE)
                    .fetch(AuditLogQuery::toEntry);
            if (page.isEmpty()) {
                return new Result(true, checked, null, null);
            }
            for (AuditEntry entry : page) {
                if (!entry.prevHash().equals(expectedPrev)) {
                    return new Result(false, checked, entry.id(),
                            "it links to " + abbreviate(entry.prevHash()) + " but the entry before it has hash " + abbreviate(expectedPrev)
                                    + " (an entry was removed, inserted or re-chained)");
                }
                String recomputed = AuditHash.of(entry);
                if (!recomputed.equals(entry.hash())) {
                    return new Result(false, checked, entry.id(), "its content does not match its hash (the entry was changed)");
                }
                expectedPrev = entry.hash();
                lastId = entry.id();
                checked++;
            }
        }
    }

    private static String abbreviate(String hash) {
        return hash.length() > 12 ? hash.substring(0, 12) + "…" : hash;
    }
}
