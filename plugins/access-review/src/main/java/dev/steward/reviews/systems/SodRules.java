package dev.steward.reviews.systems;

import dev.steward.platform.validation.InvalidInputException;
import dev.steward.reviews.ReviewPermissions;
import dev.steward.reviews.db.tables.records.SodRuleRecord;
import org.jooq.DSLContext;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.util.List;
import java.util.Optional;

import static dev.steward.reviews.db.Tables.ENTITLEMENT;
import static dev.steward.reviews.db.Tables.SOD_RULE;
import static dev.steward.reviews.db.Tables.SYSTEM;

/**
 * Separation-of-duties rules as administrators keep them: both entitlements must be known entitlements of their
 * systems, the two must differ, and a pair is ruled once (in either order). Changes go through jOOQ records, so the
 * audit log has each one with its values.
 */
@Service
public class SodRules {

    private static final dev.steward.reviews.db.tables.System SYSTEM_A = SYSTEM.as("system_a");
    private static final dev.steward.reviews.db.tables.System SYSTEM_B = SYSTEM.as("system_b");

    private final DSLContext dsl;

    SodRules(DSLContext dsl) {
        this.dsl = dsl;
    }

    /** Every rule, or those involving one system; by name. */
    @PreAuthorize(ReviewPermissions.MAY_READ)
    @Transactional(readOnly = true)
    public List<SodRule> list(Long systemId) {
        return dsl.select(SOD_RULE.ID, SOD_RULE.NAME, SOD_RULE.SYSTEM_A, SYSTEM_A.NAME, SOD_RULE.ENTITLEMENT_A, SOD_RULE.SYSTEM_B,
                        SYSTEM_B.NAME, SOD_RULE.ENTITLEMENT_B, SOD_RULE.DESCRIPTION)
                .from(SOD_RULE).join(SYSTEM_A).on(SYSTEM_A.ID.eq(SOD_RULE.SYSTEM_A)).join(SYSTEM_B).on(SYSTEM_B.ID.eq(SOD_RULE.SYSTEM_B))
                .where(systemId == null ? org.jooq.impl.DSL.noCondition() : SOD_RULE.SYSTEM_A.eq(systemId).or(SOD_RULE.SYSTEM_B.eq(systemId)))
                .orderBy(SOD_RULE.NAME, SOD_RULE.ID)
                .fetch(r -> new SodRule(r.value1(), r.value2(), r.value3(), r.value4(), r.value5(), r.value6(), r.value7(), r.value8(), r.value9()));
    }

    /** Adds a rule after every check; throws {@link InvalidInputException} naming the field and the reason. */
    @PreAuthorize(ReviewPermissions.MAY_ADMINISTER)
    @Transactional
    public long add(String name, long systemA, String entitlementA, long systemB, String entitlementB, String description) {
        String ruleName = name == null ? "" : name.strip();
        if (ruleName.isEmpty()) {
            throw new InvalidInputException("name", "Give the rule a name, e.g. \"Create and approve payments\"");
        }
        if (ruleName.length() > 200) {
            throw new InvalidInputException("name", "The name is longer than 200 characters");
        }
        String a = known(systemA, entitlementA, "A");
        String b = known(systemB, entitlementB, "B");
        if (systemA == systemB && a.equals(b)) {
            throw new InvalidInputException("entitlementB", "Entitlement B is the same as entitlement A; a rule pairs two different entitlements");
        }
        Optional<String> duplicate = dsl.select(SOD_RULE.NAME).from(SOD_RULE).where(
                        SOD_RULE.SYSTEM_A.eq(systemA).and(SOD_RULE.ENTITLEMENT_A.eq(a)).and(SOD_RULE.SYSTEM_B.eq(systemB)).and(SOD_RULE.ENTITLEMENT_B.eq(b))
                                .or(SOD_RULE.SYSTEM_A.eq(systemB).and(SOD_RULE.ENTITLEMENT_A.eq(b)).and(SOD_RULE.SYSTEM_B.eq(systemA)).and(SOD_RULE.ENTITLEMENT_B.eq(a))))
                .limit(1).fetchOptional(SOD_RULE.NAME);
        if (duplicate.isPresent()) {
            throw new InvalidInputException("entitlementB", "The rule \"" + duplicate.get() + "\" already pairs these two entitlements");
        }
        SodRuleRecord r = dsl.newRecord(SOD_RULE);
        r.setName(ruleName);
        r.setSystemA(systemA);
        r.setEntitlementA(a);
        r.setSystemB(systemB);
        r.setEntitlementB(b);
        r.setDescription(description == null || description.isBlank() ? null : description.strip());
        r.store();
        return r.getId();
    }

    /** Deletes a rule (the audit log keeps its values). */
    @PreAuthorize(ReviewPermissions.MAY_ADMINISTER)
    @Transactional
    public void delete(long ruleId) {
        SodRuleRecord r = dsl.selectFrom(SOD_RULE).where(SOD_RULE.ID.eq(ruleId)).forUpdate().fetchOptional()
                .orElseThrow(() -> new InvalidInputException(null, "The rule no longer exists"));
        r.delete();
    }

    private String known(long systemId, String entitlement, String side) {
        String systemName = dsl.select(SYSTEM.NAME).from(SYSTEM).where(SYSTEM.ID.eq(systemId)).fetchOptional(SYSTEM.NAME)
                .orElseThrow(() -> new InvalidInputException("system" + side, "Choose system " + side + " from the list"));
        String name = entitlement == null ? "" : entitlement.strip();
        if (name.isEmpty()) {
            throw new InvalidInputException("entitlement" + side, "Choose entitlement " + side);
        }
        if (!dsl.fetchExists(ENTITLEMENT, ENTITLEMENT.SYSTEM_ID.eq(systemId).and(ENTITLEMENT.NAME.eq(name)))) {
            throw new InvalidInputException("entitlement" + side, systemName + " has no entitlement " + name
                    + " (entitlements come from its imports)");
        }
        return name;
    }
}
