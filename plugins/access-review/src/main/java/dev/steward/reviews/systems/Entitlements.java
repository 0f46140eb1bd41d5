package dev.steward.reviews.systems;

import dev.steward.platform.audit.AuditEvent;
import dev.steward.platform.audit.AuditTrail;
import dev.steward.platform.validation.InvalidInputException;
import dev.steward.reviews.ReviewPermissions;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static dev.steward.reviews.db.Tables.ACCESS_GRANT;
import static dev.steward.reviews.db.Tables.ENTITLEMENT;
import static dev.steward.reviews.db.Tables.SYSTEM;
import static org.jooq.impl.DSL.noCondition;

/**
 * A system's entitlements for its administrators: the list with how many accounts hold each now, and marking
 * privileged by a name pattern (one set-based update, audited as one summary entry). One at a time:
 * {@link SystemService#setPrivileged}.
 */
@Service
public class Entitlements {

    /** How many names the audit entry of a rule lists (the count is always complete). */
    static final int AUDITED_NAMES = 200;

    private final DSLContext dsl;
    private final AuditTrail audit;

    Entitlements(DSLContext dsl, AuditTrail audit) {
        this.dsl = dsl;
        this.audit = audit;
    }

    @PreAuthorize(ReviewPermissions.MAY_READ)
    @Transactional(readOnly = true)
    public List<EntitlementRow> list(long systemId, String nameFilter, int offset, int limit) {
        var rows = dsl.selectFrom(ENTITLEMENT).where(ENTITLEMENT.SYSTEM_ID.eq(systemId).and(nameContains(nameFilter)))
                .orderBy(ENTITLEMENT.NAME).offset(Math.max(0, offset)).limit(Math.max(1, limit)).fetch();
        List<String> names = rows.map(r -> r.getName());
        var n = org.jooq.impl.DSL.count();
        Map<String, Integer> holders = names.isEmpty() ? Map.of() : dsl.select(ACCESS_GRANT.ENTITLEMENT, n).from(ACCESS_GRANT)
                .where(ACCESS_GRANT.SYSTEM_ID.eq(systemId).and(ACCESS_GRANT.REMOVED_IMPORT.isNull()).and(ACCESS_GRANT.ENTITLEMENT.in(names)))
                .groupBy(ACCESS_GRANT.ENTITLEMENT).fetchMap(ACCESS_GRANT.ENTITLEMENT, n);
        return rows.map(r -> new EntitlementRow(r.getId(), r.getSystemId(), r.getName(), r.getDescription(), r.getPrivileged(),
                holders.getOrDefault(r.getName(), 0), r.getVersion()));
    }

    @PreAuthorize(ReviewPermissions.MAY_READ)
    @Transactional(readOnly = true)
    public int count(long systemId, String nameFilter) {
        return dsl.fetchCount(ENTITLEMENT, ENTITLEMENT.SYSTEM_ID.eq(systemId).and(nameContains(nameFilter)));
    }

    /** The names of a system's entitlements containing the filter, for pickers (SoD rules). */
    @PreAuthorize(ReviewPermissions.MAY_READ)
    @Transactional(readOnly = true)
    public List<String> names(long systemId, String filter, int offset, int limit) {
        return dsl.select(ENTITLEMENT.NAME).from(ENTITLEMENT).where(ENTITLEMENT.SYSTEM_ID.eq(systemId).and(nameContains(filter)))
                .orderBy(ENTITLEMENT.NAME).offset(Math.max(0, offset)).limit(Math.max(1, limit)).fetch(ENTITLEMENT.NAME);
    }

    /** What {@link #markPrivilegedByRule} would change now. */
    @PreAuthorize(ReviewPermissions.MAY_ADMINISTER)
    @Transactional(readOnly = true)
    public PrivilegedRulePreview previewPrivilegedRule(long systemId, String pattern) {
        String like = checkedPattern(systemId, pattern);
        Condition matches = ENTITLEMENT.SYSTEM_ID.eq(systemId).and(ENTITLEMENT.NAME.likeIgnoreCase(like));
        long matching = dsl.fetchCount(ENTITLEMENT, matches);
        Condition toMark = matches.and(ENTITLEMENT.PRIVILEGED.isFalse());
        long count = dsl.fetchCount(ENTITLEMENT, toMark);
        List<String> sample = dsl.select(ENTITLEMENT.NAME).from(ENTITLEMENT).where(toMark).orderBy(ENTITLEMENT.NAME).limit(5)
                .fetch(ENTITLEMENT.NAME);
        return new PrivilegedRulePreview(like, matching, count, sample);
    }

    /**
     * Marks every entitlement of the system whose name matches the pattern ({@code %} or {@code *} any text, {@code _}
     * one character, case-insensitive) privileged; returns how many changed. One audit entry names the pattern, the
     * count and the entitlements.
     */
    @PreAuthorize(ReviewPermissions.MAY_ADMINISTER)
    @Transactional
    public int markPrivilegedByRule(long systemId, String pattern) {
        String like = checkedPattern(systemId, pattern);
        List<String> marked = dsl.update(ENTITLEMENT).set(ENTITLEMENT.PRIVILEGED, true).set(ENTITLEMENT.VERSION, ENTITLEMENT.VERSION.plus(1))
                .where(ENTITLEMENT.SYSTEM_ID.eq(systemId).and(ENTITLEMENT.NAME.likeIgnoreCase(like)).and(ENTITLEMENT.PRIVILEGED.isFalse()))
                .returning(ENTITLEMENT.NAME).fetch(ENTITLEMENT.NAME);
        if (!marked.isEmpty()) {
            Map<String, Object> after = new LinkedHashMap<>();
            after.put("pattern", like);
            after.put("marked", marked.size());
            after.put("entitlements", marked.stream().sorted().limit(AUDITED_NAMES).toList());
            audit.record(AuditEvent.of(ReviewPermissions.PLUGIN_ID, "system", systemId, "MARK_PRIVILEGED_BY_RULE").after(after)
                    .reason(marked.size() + " entitlements matching " + like + " marked privileged"));
        }
        return marked.size();
    }

    private String checkedPattern(long systemId, String pattern) {
        if (!dsl.fetchExists(SYSTEM, SYSTEM.ID.eq(systemId))) {
            throw new InvalidInputException("system", "The system no longer exists");
        }
        String like = pattern == null ? "" : pattern.strip().replace('*', '%');
        if (like.isEmpty()) {
            throw new InvalidInputException("pattern", "Enter a name pattern, e.g. %ADMIN%");
        }
        if (like.length() > 300) {
            throw new InvalidInputException("pattern", "The pattern is longer than an entitlement name can be (300 characters)");
        }
        if (like.replace("%", "").replace("_", "").isBlank()) {
            throw new InvalidInputException("pattern", "A pattern of only % and _ would mark every entitlement; "
                    + "include part of the name, e.g. %ADMIN%");
        }
        return like;
    }

    static Condition nameContains(String filter) {
        if (filter == null || filter.isBlank()) {
            return noCondition();
        }
        String escaped = filter.strip().replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
        return ENTITLEMENT.NAME.likeIgnoreCase("%" + escaped + "%", '\\');
    }
}
