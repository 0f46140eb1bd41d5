package dev.steward.incidents.obligations;

import dev.steward.incidents.Incident;
import dev.steward.incidents.IncidentReader;
import dev.steward.incidents.Phase;
import dev.steward.incidents.db.tables.records.ObligationRecord;
import dev.steward.incidents.db.tables.records.RuleNotOwedRecord;
import dev.steward.incidents.work.Timeline;
import dev.steward.incidents.work.TimelineEntry.Kind;
import org.jooq.DSLContext;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import static dev.steward.incidents.db.Tables.HIPAA_ASSESSMENT;
import static dev.steward.incidents.db.Tables.INCIDENT;
import static dev.steward.incidents.db.Tables.OBLIGATION;
import static dev.steward.incidents.db.Tables.RULE_NOT_OWED;

/**
 * Brings an incident's open proposals in line with its facts and the rules in force. Not guarded: only
 * {@link ObligationService} calls it, behind its permission check, and the rules-changed event that a guarded rule
 * change publishes.
 */
@Component
class ProposalReconciliation {

    private final DSLContext dsl;
    private final RuleService rules;
    private final IncidentReader incidents;
    private final Timeline timeline;

    ProposalReconciliation(DSLContext dsl, RuleService rules, IncidentReader incidents, Timeline timeline) {
        this.dsl = dsl;
        this.rules = rules;
        this.incidents = incidents;
        this.timeline = timeline;
    }

    /** See {@link ObligationService#recompute(Incident)}. */
    List<String> reconcile(Incident incident) {
        if (incident.phase() == Phase.CLOSED) {
            return List.of();
        }
        List<ObligationRecord> existing = dsl.selectFrom(OBLIGATION).where(OBLIGATION.INCIDENT_ID.eq(incident.id())).fetch();
        ImpactFacts facts = ImpactFactsOf.incident(incident, sentNotices(existing), hipaaLowProbability(incident.id()));
        Evaluation evaluation = new ObligationEngine(rules.eeaCodes()).evaluate(facts, rules.current());
        List<Proposal> proposals = evaluation.owed();
        List<String> changes = new ArrayList<>();
        Map<String, ObligationRecord> byKey = new HashMap<>();
        existing.forEach(r -> byKey.put(key(r.getRegime(), r.getRecipient(), r.getJurisdiction()), r));
        for (Proposal p : proposals) {
            ObligationRecord row = byKey.remove(key(p.rule().regime(), p.rule().recipient(), p.jurisdiction()));
            if (row == null) {
                insertProposal(incident.id(), p);
                changes.add("proposed " + label(p) + due(p.due(), p.rule()));
            } else if (row.getStatus() == ObligationStatus.PROPOSED && !row.getManual()) {
                updateProposal(row, p, changes);
            } else if (row.getStatus() == ObligationStatus.REQUIRED && row.getRuleId() != null) {
                followFacts(row, facts, changes);
            }
        }
        for (ObligationRecord gone : byKey.values()) {
            if (gone.getStatus() == ObligationStatus.PROPOSED && !gone.getManual()) {
                changes.add("withdrew " + label(gone) + " (the facts no longer call for it)");
                gone.delete();
            } else if (gone.getStatus() == ObligationStatus.REQUIRED && gone.getRuleId() != null) {
                changes.add(label(gone) + " no longer follows from the facts; it stays required until a privacy officer decides");
            }
        }
        keepNotOwed(incident.id(), evaluation.notOwed());
        if (!changes.isEmpty()) {
            timeline.record(incident.id(), Kind.OBLIGATION, "Obligations: " + String.join("; ", changes));
        }
        return changes;
    }

    /** Stores the rules considered that call for no notice, as the engine found them now; unchanged rows stay as they are. */
    private void keepNotOwed(long incidentId, List<NotOwed> notOwed) {
        Map<String, RuleNotOwedRecord> stored = new HashMap<>();
        dsl.selectFrom(RULE_NOT_OWED).where(RULE_NOT_OWED.INCIDENT_ID.eq(incidentId))
                .forEach(r -> stored.put(r.getRuleKey() + "\u0000" + r.getJurisdiction(), r));
        for (NotOwed n : notOwed) {
            RuleNotOwedRecord row = stored.remove(n.ruleKey() + "\u0000" + n.jurisdiction());
            if (row != null && Objects.equals(row.getRuleId(), n.ruleId()) && row.getReason().equals(n.reason())
                    && row.getRegime().equals(n.regime()) && row.getRecipient().equals(n.recipient()) && row.getCitation().equals(n.citation())) {
                continue;
            }
            if (row == null) {
                row = dsl.newRecord(RULE_NOT_OWED);
                row.setIncidentId(incidentId);
                row.setRuleKey(n.ruleKey());
                row.setJurisdiction(n.jurisdiction());
            }
            row.setRuleId(n.ruleId());
            row.setRuleVersion(n.ruleVersion());
            row.setRegime(n.regime());
            row.setRecipient(n.recipient());
            row.setReason(n.reason());
            row.setCitation(n.citation());
            row.store();
        }
        stored.values().forEach(RuleNotOwedRecord::delete);
    }

    /** A rule was added or corrected: every open incident's proposals follow. */
    @EventListener
    void onRulesChanged(RuleService.RulesChanged event) {
        dsl.select(INCIDENT.ID).from(INCIDENT).where(INCIDENT.PHASE.ne(Phase.CLOSED)).fetch(INCIDENT.ID)
                .forEach(id -> reconcile(incidents.require(id)));
    }

    private void insertProposal(long incidentId, Proposal p) {
        ObligationRecord row = dsl.newRecord(OBLIGATION);
        row.setIncidentId(incidentId);
        row.setRegime(p.rule().regime());
        row.setRecipient(p.rule().recipient());
        row.setJurisdiction(p.jurisdiction());
        row.setStatus(ObligationStatus.PROPOSED);
        row.setManual(false);
        row.setVersion(0);
        setFromProposal(row, p);
        row.store();
    }

    private void updateProposal(ObligationRecord row, Proposal p, List<String> changes) {
        Instant before = row.getDueAt();
        boolean ruleChanged = !Objects.equals(row.getRuleId(), p.rule().id());
        boolean dueMoved = !sameDue(before, p.due());
        if (dueMoved || ruleChanged || !row.getBasis().equals(p.basis())) {
            if (dueMoved) {
                changes.add(label(p) + " due moved" + (before == null ? "" : " from " + DueText.of(before, p.rule())) + due(p.due(), p.rule()));
            }
            if (ruleChanged) {
                changes.add(label(p) + " now follows rule version " + p.rule().version());
            }
            setFromProposal(row, p);
            if (!dueMoved) {
                row.setDueAt(before); // the same due as stored: no change to write for it
            }
            row.setVersion(row.getVersion() + 1);
            row.store();
        }
    }

    /** A required obligation keeps its rule version, but its due time follows corrected facts (a corrected aware time). */
    private void followFacts(ObligationRecord row, ImpactFacts facts, List<String> changes) {
        rules.byId(row.getRuleId()).ifPresent(rule -> {
            Instant start = ObligationEngine.clockStart(rule, facts);
            Instant due = start == null ? null : ObligationEngine.due(rule, start);
            if (!sameDue(row.getDueAt(), due)) {
                changes.add(label(row) + " due moved" + (row.getDueAt() == null ? "" : " from " + DueText.of(row.getDueAt(), rule))
                        + due(due, rule));
                row.setClockStartedAt(start);
                row.setDueAt(due);
                row.setVersion(row.getVersion() + 1);
                row.store();
            }
        });
    }

    private static void setFromProposal(ObligationRecord row, Proposal p) {
        row.setRuleId(p.rule().id());
        row.setRuleKey(p.rule().key());
        row.setDueAt(p.due());
        row.setClockStartedAt(p.clockStart());
        row.setBasis(p.basis());
    }

    /** The latest HIPAA assessment found a low probability of compromise: not a breach under HIPAA. */
    private boolean hipaaLowProbability(long incidentId) {
        return Boolean.TRUE.equals(dsl.select(HIPAA_ASSESSMENT.LOW_PROBABILITY).from(HIPAA_ASSESSMENT)
                .where(HIPAA_ASSESSMENT.INCIDENT_ID.eq(incidentId))
                .orderBy(HIPAA_ASSESSMENT.ASSESSED_AT.desc(), HIPAA_ASSESSMENT.ID.desc()).limit(1).fetchOne(HIPAA_ASSESSMENT.LOW_PROBABILITY));
    }

    private static Map<String, Instant> sentNotices(List<ObligationRecord> rows) {
        Map<String, Instant> sent = new HashMap<>();
        rows.stream().filter(r -> r.getRuleKey() != null && r.getSentAt() != null)
                .forEach(r -> sent.merge(r.getRuleKey(), r.getSentAt(), (a, b) -> a.isBefore(b) ? a : b));
        return sent;
    }

    private static String key(String regime, String recipient, String jurisdiction) {
        return regime + "\u0000" + recipient + "\u0000" + jurisdiction;
    }

    private static String label(Proposal p) {
        return Obligation.label(p.rule().regime(), p.rule().recipient(), p.jurisdiction());
    }

    static String label(ObligationRecord r) {
        return Obligation.label(r.getRegime(), r.getRecipient(), r.getJurisdiction());
    }

    private static String due(Instant due, NotificationRule rule) {
        return due == null ? " (clock not started)" : " to " + DueText.of(due, rule);
    }

    /**
     * Whether a stored due and a computed one are the same deadline. Dues are computed in microseconds, as stored; a due
     * stored before that (the end of a day, rounded up by the database to the next midnight) is one microsecond from
     * its computed value and is the same deadline: no change to log.
     */
    static boolean sameDue(Instant stored, Instant computed) {
        if (stored == null || computed == null) {
            return stored == computed;
        }
        return Math.abs(java.time.Duration.between(stored, computed).toNanos()) <= 1_000;
    }
}
