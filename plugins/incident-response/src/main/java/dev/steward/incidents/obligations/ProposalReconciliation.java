package dev.steward.incidents.obligations;

import dev.steward.incidents.Incident;
import dev.steward.incidents.IncidentReader;
import dev.steward.incidents.Phase;
import dev.steward.incidents.db.tables.records.ObligationRecord;
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
        List<Proposal> proposals = new ObligationEngine(rules.eeaCodes()).propose(facts, rules.current());
        List<String> changes = new ArrayList<>();
        Map<String, ObligationRecord> byKey = new HashMap<>();
        existing.forEach(r -> byKey.put(key(r.getRegime(), r.getRecipient(), r.getJurisdiction()), r));
        for (Proposal p : proposals) {
            ObligationRecord row = byKey.remove(key(p.rule().regime(), p.rule().recipient(), p.jurisdiction()));
            if (row == null) {
                insertProposal(incident.id(), p);
                changes.add("proposed " + label(p) + due(p.due()));
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
        if (!changes.isEmpty()) {
            timeline.record(incident.id(), Kind.OBLIGATION, "Obligations: " + String.join("; ", changes));
        }
        return changes;
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
        if (!Objects.equals(before, p.due()) || ruleChanged || !row.getBasis().equals(p.basis())) {
            if (!Objects.equals(before, p.due())) {
                changes.add(label(p) + " due moved" + (before == null ? "" : " from " + before) + due(p.due()));
            }
            if (ruleChanged) {
                changes.add(label(p) + " now follows rule version " + p.rule().version());
            }
            setFromProposal(row, p);
            row.setVersion(row.getVersion() + 1);
            row.store();
        }
    }

    /** A required obligation keeps its rule version, but its due time follows corrected facts (a corrected aware time). */
    private void followFacts(ObligationRecord row, ImpactFacts facts, List<String> changes) {
        rules.byId(row.getRuleId()).ifPresent(rule -> {
            Instant start = ObligationEngine.clockStart(rule, facts);
            Instant due = start == null ? null : ObligationEngine.due(rule, start);
            if (!Objects.equals(row.getDueAt(), due)) {
                changes.add(label(row) + " due moved" + (row.getDueAt() == null ? "" : " from " + row.getDueAt()) + due(due));
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

    private static String due(Instant due) {
        return due == null ? " (clock not started)" : " to " + due;
    }
}
