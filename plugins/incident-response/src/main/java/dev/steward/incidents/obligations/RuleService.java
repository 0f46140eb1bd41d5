package dev.steward.incidents.obligations;

import dev.steward.incidents.IncidentPermissions;
import dev.steward.incidents.RiskLevel;
import dev.steward.incidents.db.tables.records.NotificationRuleRecord;
import dev.steward.incidents.obligations.NotificationRule.ClockStart;
import dev.steward.incidents.obligations.NotificationRule.DeadlineKind;
import dev.steward.incidents.obligations.NotificationRule.RecipientKind;
import dev.steward.platform.catalog.CatalogKind;
import dev.steward.platform.catalog.PrivacyCatalog;
import dev.steward.platform.security.CurrentUser;
import dev.steward.platform.validation.ConcurrentChangeException;
import org.jooq.DSLContext;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.time.Instant;
import java.time.DateTimeException;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import static dev.steward.incidents.db.Tables.NOTIFICATION_RULE;

/**
 * The notification rules. Privacy officers read them; those with the rules permission add rules and correct them. A
 * correction never edits a version in place: it writes the next version and marks the old one superseded, so every
 * obligation still points at the exact text it was computed from.
 */
@Service
public class RuleService {

    private static final Set<String> PATTERNS = Set.of("*", "EEA", "US", "US-*");

    private final DSLContext dsl;
    private final PrivacyCatalog catalog;
    private final ApplicationEventPublisher events;

    RuleService(DSLContext dsl, PrivacyCatalog catalog, ApplicationEventPublisher events) {
        this.dsl = dsl;
        this.catalog = catalog;
        this.events = events;
    }

    /** Published in the transaction that added or corrected a rule: open incidents' proposals follow the new rules. */
    public record RulesChanged(String ruleKey) {
    }

    /** The versions in force (not superseded), for the engine. */
    @PreAuthorize(IncidentPermissions.MAY_READ)
    public List<NotificationRule> current() {
        return dsl.selectFrom(NOTIFICATION_RULE).where(NOTIFICATION_RULE.SUPERSEDED_BY.isNull())
                .orderBy(NOTIFICATION_RULE.REGIME, NOTIFICATION_RULE.RULE_KEY, NOTIFICATION_RULE.VERSION)
                .fetch(RuleService::toRule);
    }

    Optional<NotificationRule> byId(long id) {
        return dsl.selectFrom(NOTIFICATION_RULE).where(NOTIFICATION_RULE.ID.eq(id)).fetchOptional(RuleService::toRule);
    }

    /** The EEA's jurisdiction codes from the privacy catalogue. */
    @PreAuthorize(IncidentPermissions.MAY_READ)
    public Set<String> eeaCodes() {
        return catalog.eeaJurisdictions();
    }

    @PreAuthorize(IncidentPermissions.MAY_READ)
    @Transactional(readOnly = true)
    public List<NotificationRule> inForce() {
        return current();
    }

    /** Every version of one rule, newest first. */
    @PreAuthorize(IncidentPermissions.MAY_READ)
    @Transactional(readOnly = true)
    public List<NotificationRule> history(String ruleKey) {
        return dsl.selectFrom(NOTIFICATION_RULE).where(NOTIFICATION_RULE.RULE_KEY.eq(ruleKey))
                .orderBy(NOTIFICATION_RULE.VERSION.desc()).fetch(RuleService::toRule);
    }

    /** Every version of one rule with who changed it, when and why, newest first. */
    @PreAuthorize(IncidentPermissions.MAY_READ)
    @Transactional(readOnly = true)
    public List<RuleVersion> versions(String ruleKey) {
        return dsl.selectFrom(NOTIFICATION_RULE).where(NOTIFICATION_RULE.RULE_KEY.eq(ruleKey))
                .orderBy(NOTIFICATION_RULE.VERSION.desc())
                .fetch(r -> new RuleVersion(r.getVersion(), r.getEffectiveFrom(), r.getSupersededBy() != null, r.getChangedBy(),
                        r.getChangedAt(), r.getChangeReason()));
    }

    /** Adds a new rule (version 1). */
    @PreAuthorize(IncidentPermissions.MAY_MANAGE_RULES)
    @Transactional
    public NotificationRule add(NotificationRule rule, String reason) {
        validate(rule, reason);
        if (dsl.fetchExists(NOTIFICATION_RULE, NOTIFICATION_RULE.RULE_KEY.eq(rule.key().strip()))) {
            throw new IllegalArgumentException("A rule with the key " + rule.key().strip() + " exists; correct it instead");
        }
        NotificationRule added = toRule(insert(rule, 1, reason));
        events.publishEvent(new RulesChanged(added.key()));
        return added;
    }

    /**
     * Corrects a rule: writes version n+1 with the new content and marks {@code ruleId} superseded by it.
     *
     * @throws ConcurrentChangeException if {@code ruleId} was already superseded (someone corrected it first)
     */
    @PreAuthorize(IncidentPermissions.MAY_MANAGE_RULES)
    @Transactional
    public NotificationRule correct(long ruleId, NotificationRule corrected, String reason) {
        NotificationRuleRecord old = dsl.selectFrom(NOTIFICATION_RULE).where(NOTIFICATION_RULE.ID.eq(ruleId)).forUpdate()
                .fetchOptional().orElseThrow(() -> new IllegalArgumentException("Rule " + ruleId + " does not exist"));
        if (old.getSupersededBy() != null) {
            throw new ConcurrentChangeException("This version of " + old.getRuleKey() + " was already corrected; reload the rules");
        }
        validate(corrected, reason);
        if (!old.getRuleKey().equals(corrected.key().strip())) {
            throw new IllegalArgumentException("A correction keeps the rule key " + old.getRuleKey());
        }
        int nextVersion = dsl.select(org.jooq.impl.DSL.max(NOTIFICATION_RULE.VERSION)).from(NOTIFICATION_RULE)
                .where(NOTIFICATION_RULE.RULE_KEY.eq(old.getRuleKey())).fetchOne(0, Integer.class) + 1;
        NotificationRuleRecord next = insert(corrected, nextVersion, reason);
        old.setSupersededBy(next.getId());
        old.store();
        events.publishEvent(new RulesChanged(old.getRuleKey()));
        return toRule(next);
    }

    private NotificationRuleRecord insert(NotificationRule rule, int version, String reason) {
        NotificationRuleRecord r = dsl.newRecord(NOTIFICATION_RULE);
        r.setRuleKey(rule.key().strip());
        r.setVersion(version);
        r.setRegime(rule.regime().strip());
        r.setRecipient(rule.recipient().strip());
        r.setRecipientKind(rule.recipientKind());
        r.setJurisdiction(rule.jurisdiction().strip());
        r.setMinAffected(rule.minAffected());
        r.setMaxAffected(rule.maxAffected());
        r.setMinRisk(rule.minRisk());
        r.setPhiOnly(rule.phiOnly());
        r.setEncryptionExempt(rule.encryptionExempt());
        r.setOurRole(rule.role());
        r.setDeadlineKind(rule.deadlineKind());
        r.setDeadlineAmount(rule.deadlineAmount());
        r.setInternalTargetHours(rule.internalTargetHours());
        r.setClockStart(rule.clockStart());
        r.setAfterRuleKey(rule.afterRuleKey() == null || rule.afterRuleKey().isBlank() ? null : rule.afterRuleKey().strip());
        r.setTimeZone(rule.zone().getId());
        r.setCitation(rule.citation().strip());
        r.setNotes(rule.notes());
        r.setEffectiveFrom(rule.effectiveFrom());
        r.setEffectiveTo(rule.effectiveTo());
        r.setChangedBy(CurrentUser.username().orElse("system"));
        r.setChangedAt(Instant.now());
        r.setChangeReason(reason.strip());
        r.store();
        return r;
    }

    private void validate(NotificationRule rule, String reason) {
        List<String> problems = new ArrayList<>();
        if (reason == null || reason.isBlank()) {
            problems.add("Say why the rule is added or corrected (for the audit trail)");
        }
        if (rule.key() == null || !rule.key().strip().matches("[a-z0-9][a-z0-9.-]{1,59}")) {
            problems.add("The key must be 2 to 60 lower-case letters, digits, dots or dashes");
        }
        if (rule.regime() == null || rule.regime().isBlank()) {
            problems.add("The regime is required");
        }
        if (rule.recipient() == null || rule.recipient().isBlank()) {
            problems.add("The recipient is required");
        }
        if (rule.recipientKind() == null || rule.deadlineKind() == null || rule.clockStart() == null || rule.zone() == null) {
            problems.add("Recipient kind, deadline kind, clock start and time zone are required");
        }
        if (rule.jurisdiction() == null || !(PATTERNS.contains(rule.jurisdiction().strip())
                || catalog.exists(CatalogKind.JURISDICTION, rule.jurisdiction().strip()))) {
            problems.add("The jurisdiction must be a catalogue code or one of * EEA US US-*");
        }
        if (rule.role() == null || !Set.of("CONTROLLER", "PROCESSOR", "ANY").contains(rule.role())) {
            problems.add("The role must be CONTROLLER, PROCESSOR or ANY");
        }
        if (rule.minAffected() != null && rule.maxAffected() != null && rule.minAffected() > rule.maxAffected()) {
            problems.add("The minimum number affected is above the maximum");
        }
        if (rule.deadlineKind() != null && rule.deadlineKind() != DeadlineKind.UNDUE_DELAY
                && (rule.deadlineAmount() == null || rule.deadlineAmount() <= 0)) {
            problems.add("The deadline needs a positive number of " + (rule.deadlineKind() == DeadlineKind.HOURS ? "hours" : "days"));
        }
        if (rule.clockStart() == ClockStart.AFTER_OBLIGATION && (rule.afterRuleKey() == null || rule.afterRuleKey().isBlank())) {
            problems.add("Name the rule whose notice starts this clock");
        }
        if (rule.citation() == null || rule.citation().isBlank()) {
            problems.add("The citation is required");
        }
        if (rule.effectiveFrom() == null) {
            problems.add("The effective-from date is required");
        } else if (rule.effectiveTo() != null && rule.effectiveTo().isBefore(rule.effectiveFrom())) {
            problems.add("The rule cannot stop being effective before it starts");
        }
        if (!problems.isEmpty()) {
            throw new IllegalArgumentException(String.join("; ", problems));
        }
    }

    static NotificationRule toRule(NotificationRuleRecord r) {
        return new NotificationRule(r.getId(), r.getRuleKey(), r.getVersion(), r.getRegime(), r.getRecipient(),
                r.getRecipientKind(), r.getJurisdiction(), r.getMinAffected(), r.getMaxAffected(),
                r.getMinRisk(), r.getPhiOnly(), r.getEncryptionExempt(),
                r.getOurRole(), r.getDeadlineKind(), r.getDeadlineAmount(), r.getInternalTargetHours(),
                r.getClockStart(), r.getAfterRuleKey(), zone(r.getTimeZone()), r.getCitation(), r.getNotes(),
                r.getEffectiveFrom(), r.getEffectiveTo(), r.getSupersededBy());
    }

    static ZoneId zone(String id) {
        try {
            return ZoneId.of(id);
        } catch (DateTimeException e) {
            return ZoneId.of("UTC");
        }
    }
}
