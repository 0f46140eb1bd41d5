package dev.steward.dsr.clocks;

import dev.steward.dsr.DsrPermissions;
import dev.steward.dsr.clocks.ClockRule.Draft;
import dev.steward.dsr.clocks.ClockRule.Unit;
import dev.steward.dsr.db.tables.records.ClockRuleRecord;
import dev.steward.dsr.requests.Regime;
import dev.steward.platform.security.CurrentUser;
import dev.steward.platform.validation.ConcurrentChangeException;
import dev.steward.platform.validation.InvalidInputException;
import dev.steward.platform.validation.InvalidInputException.Problem;
import org.jooq.DSLContext;
import org.jooq.impl.DSL;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import static dev.steward.dsr.db.Tables.CLOCK_RULE;

/**
 * The clock rules, one per regime, as versions. A change never edits a version: it writes the next one and marks the old
 * one superseded, so requests opened before keep the dates of the version they were computed from (their clock points at
 * it); requests opened after follow the new one.
 */
@Service
public class ClockRules {

    private final DSLContext dsl;

    ClockRules(DSLContext dsl) {
        this.dsl = dsl;
    }

    /** The versions in force, one per regime. */
    @PreAuthorize(DsrPermissions.MAY_READ)
    @Transactional(readOnly = true)
    public List<ClockRule> current() {
        return dsl.selectFrom(CLOCK_RULE).where(CLOCK_RULE.SUPERSEDED_BY.isNull()).orderBy(CLOCK_RULE.REGIME)
                .fetch(ClockRules::toRule);
    }

    /** Every version of a regime's rule, newest first, with who changed it, when and why. */
    @PreAuthorize(DsrPermissions.MAY_READ)
    @Transactional(readOnly = true)
    public List<ClockRule> versions(Regime regime) {
        return dsl.selectFrom(CLOCK_RULE).where(CLOCK_RULE.REGIME.eq(regime.name())).orderBy(CLOCK_RULE.VERSION.desc())
                .fetch(ClockRules::toRule);
    }

    /**
     * Writes the next version of the rule {@code ruleId} with the draft's content and the reason for the change.
     *
     * @throws ConcurrentChangeException when {@code ruleId} is no longer in force (someone changed it first)
     */
    @PreAuthorize(DsrPermissions.MAY_ADMIN)
    @Transactional
    public ClockRule change(long ruleId, Draft draft, String reason) {
        ClockRuleRecord old = dsl.selectFrom(CLOCK_RULE).where(CLOCK_RULE.ID.eq(ruleId)).forUpdate().fetchOptional()
                .orElseThrow(() -> new InvalidInputException("rule", "There is no clock rule " + ruleId));
        if (old.getSupersededBy() != null) {
            throw new ConcurrentChangeException("Someone changed the " + Regime.valueOf(old.getRegime()).label()
                    + " clock in the meantime; reload the rules and try again");
        }
        ZoneId zone = check(draft, reason);
        int next = dsl.select(DSL.max(CLOCK_RULE.VERSION)).from(CLOCK_RULE).where(CLOCK_RULE.REGIME.eq(old.getRegime()))
                .fetchOne(0, Integer.class) + 1;
        ClockRuleRecord r = dsl.newRecord(CLOCK_RULE);
        r.setRegime(old.getRegime());
        r.setVersion(next);
        r.setAckDays(draft.ackDays());
        r.setAckBusinessDays(draft.ackDays() != null && draft.ackBusinessDays());
        r.setAnswerAmount(draft.answerAmount());
        r.setAnswerUnit(draft.answerAmount() == null ? null : draft.answerUnit().name());
        r.setExtensionAmount(draft.extensionAmount());
        r.setExtensionUnit(draft.extensionAmount() == null ? null : draft.extensionUnit().name());
        r.setPauseAllowed(draft.pauseAllowed());
        r.setPauseCitation(blankToNull(draft.pauseCitation()));
        r.setTimeZone(zone.getId());
        r.setCitation(draft.citation().strip());
        r.setNotes(blankToNull(draft.notes()));
        r.setEffectiveFrom(draft.effectiveFrom());
        r.setEffectiveTo(draft.effectiveTo());
        r.setChangedBy(CurrentUser.username().orElse("system"));
        r.setChangedAt(Instant.now());
        r.setChangeReason(reason.strip());
        r.store();
        old.setSupersededBy(r.getId());
        old.store();
        return toRule(r);
    }

    /** The version in force for a regime (the seed gives every regime one). */
    ClockRule inForce(Regime regime) {
        return dsl.selectFrom(CLOCK_RULE).where(CLOCK_RULE.REGIME.eq(regime.name()).and(CLOCK_RULE.SUPERSEDED_BY.isNull()))
                .fetchOptional(ClockRules::toRule)
                .orElseThrow(() -> new IllegalStateException("No clock rule in force for " + regime));
    }

    Optional<ClockRule> byId(long id) {
        return dsl.selectFrom(CLOCK_RULE).where(CLOCK_RULE.ID.eq(id)).fetchOptional(ClockRules::toRule);
    }

    private static ZoneId check(Draft d, String reason) {
        List<Problem> problems = new ArrayList<>();
        if (reason == null || reason.isBlank()) {
            problems.add(new Problem("reason", "Say why the rule changes: the rule's history keeps it"));
        }
        if (d == null) {
            problems.add(new Problem("rule", "Give the rule's new content"));
            throw new InvalidInputException(problems);
        }
        if (d.ackDays() != null && (d.ackDays() < 1 || d.ackDays() > 90)) {
            problems.add(new Problem("ackDays", "Acknowledge within 1 to 90 days, or leave it empty when the law asks for none"));
        }
        period(problems, "answer", d.answerAmount(), d.answerUnit());
        period(problems, "extension", d.extensionAmount(), d.extensionUnit());
        if (d.extensionAmount() != null && d.answerAmount() == null) {
            problems.add(new Problem("extension", "An extension needs an answer period to extend"));
        }
        if (d.pauseAllowed() && (d.pauseCitation() == null || d.pauseCitation().isBlank())) {
            problems.add(new Problem("pauseCitation", "Cite what allows the clock to wait for verification"));
        }
        if (d.citation() == null || d.citation().isBlank() || d.citation().length() > 500) {
            problems.add(new Problem("citation", "Cite the law (at most 500 characters)"));
        }
        if (d.pauseCitation() != null && d.pauseCitation().length() > 500) {
            problems.add(new Problem("pauseCitation", "At most 500 characters"));
        }
        if (d.effectiveFrom() == null) {
            problems.add(new Problem("effectiveFrom", "Say from when the rule is effective"));
        } else if (d.effectiveTo() != null && d.effectiveTo().isBefore(d.effectiveFrom())) {
            problems.add(new Problem("effectiveTo", "The rule cannot stop being effective before it starts"));
        }
        ZoneId zone = null;
        try {
            zone = ZoneId.of(d.zone() == null ? "" : d.zone().strip());
        } catch (DateTimeException e) {
            problems.add(new Problem("zone", "Choose a time zone such as America/Los_Angeles"));
        }
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
        return zone;
    }

    private static void period(List<Problem> problems, String field, Integer amount, Unit unit) {
        if (amount != null && (amount < 1 || amount > (unit == Unit.MONTHS ? 12 : 365))) {
            problems.add(new Problem(field, "Between 1 and 365 days or 1 and 12 months, or empty for none"));
        }
        if (amount != null && unit == null) {
            problems.add(new Problem(field, "Say whether the period is in calendar days or months"));
        }
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }

    static ClockRule toRule(ClockRuleRecord r) {
        return new ClockRule(r.getId(), Regime.valueOf(r.getRegime()), r.getVersion(), r.getAckDays(), r.getAckBusinessDays(),
                r.getAnswerAmount(), r.getAnswerUnit() == null ? null : Unit.valueOf(r.getAnswerUnit()), r.getExtensionAmount(),
                r.getExtensionUnit() == null ? null : Unit.valueOf(r.getExtensionUnit()), r.getPauseAllowed(), r.getPauseCitation(),
                ZoneId.of(r.getTimeZone()), r.getCitation(), r.getNotes(), r.getEffectiveFrom(), r.getEffectiveTo(),
                r.getSupersededBy(), r.getChangedBy(), r.getChangedAt(), r.getChangeReason());
    }
}
