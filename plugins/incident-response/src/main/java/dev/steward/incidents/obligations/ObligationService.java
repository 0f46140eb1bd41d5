package dev.steward.incidents.obligations;

import dev.steward.incidents.Incident;
import dev.steward.incidents.IncidentPermissions;
import dev.steward.incidents.IncidentReader;
import dev.steward.incidents.Phase;
import dev.steward.incidents.Times;
import dev.steward.incidents.db.tables.records.ObligationRecord;
import dev.steward.incidents.db.tables.records.ObligationUpdateRecord;
import dev.steward.incidents.work.Timeline;
import dev.steward.incidents.work.TimelineEntry.Kind;
import dev.steward.platform.security.CurrentUser;
import org.jooq.DSLContext;
import org.jooq.exception.DataChangedException;
import org.springframework.context.event.EventListener;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import static dev.steward.incidents.db.Tables.HIPAA_ASSESSMENT;
import static dev.steward.incidents.db.Tables.INCIDENT;
import static dev.steward.incidents.db.Tables.OBLIGATION;
import static dev.steward.incidents.db.Tables.OBLIGATION_UPDATE;

/**
 * An incident's notification obligations: proposed from its facts by the rules, decided by a privacy officer
 * (required, or not required with a reason), then sent and recorded.
 */
@Service
public class ObligationService {

    private static final Duration CLOCK_SKEW = Duration.ofMinutes(1);

    private final DSLContext dsl;
    private final RuleService rules;
    private final IncidentReader incidents;
    private final Timeline timeline;

    ObligationService(DSLContext dsl, RuleService rules, IncidentReader incidents, Timeline timeline) {
        this.dsl = dsl;
        this.rules = rules;
        this.incidents = incidents;
        this.timeline = timeline;
    }

    @PreAuthorize("hasAuthority('" + IncidentPermissions.READ + "')")
    @Transactional(readOnly = true)
    public List<Obligation> of(long incidentId) {
        return dsl.selectFrom(OBLIGATION).where(OBLIGATION.INCIDENT_ID.eq(incidentId))
                .orderBy(OBLIGATION.DUE_AT.asc().nullsLast(), OBLIGATION.REGIME, OBLIGATION.RECIPIENT)
                .fetch(ObligationService::toObligation);
    }

    @PreAuthorize("hasAuthority('" + IncidentPermissions.READ + "')")
    @Transactional(readOnly = true)
    public java.util.Optional<Obligation> find(long obligationId) {
        return dsl.selectFrom(OBLIGATION).where(OBLIGATION.ID.eq(obligationId)).fetchOptional(ObligationService::toObligation);
    }

    @PreAuthorize("hasAuthority('" + IncidentPermissions.READ + "')")
    @Transactional(readOnly = true)
    public List<ObligationUpdate> updatesOf(long obligationId) {
        return dsl.selectFrom(OBLIGATION_UPDATE).where(OBLIGATION_UPDATE.OBLIGATION_ID.eq(obligationId))
                .orderBy(OBLIGATION_UPDATE.SENT_AT)
                .fetch(r -> new ObligationUpdate(Times.instant(r.getSentAt()), r.getSentBy(), r.getSummary()));
    }

    /**
     * Brings the open proposals in line with the incident's facts and the rules in force: new proposals are added,
     * those no longer called for are withdrawn, due times move with the facts. Decided obligations keep their rule
     * version; a closed incident is never touched. What changed goes to the timeline.
     *
     * @return the changes, in words
     */
    @PreAuthorize(IncidentPermissions.MAY_CHANGE)
    public List<String> recompute(Incident incident) {
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
            } else if (ObligationStatus.valueOf(row.getStatus()) == ObligationStatus.PROPOSED && !row.getManual()) {
                updateProposal(row, p, changes);
            } else if (ObligationStatus.valueOf(row.getStatus()) == ObligationStatus.REQUIRED && row.getRuleId() != null) {
                followFacts(row, facts, changes);
            }
        }
        for (ObligationRecord gone : byKey.values()) {
            if (ObligationStatus.valueOf(gone.getStatus()) == ObligationStatus.PROPOSED && !gone.getManual()) {
                changes.add("withdrew " + label(gone) + " (the facts no longer call for it)");
                gone.delete();
            } else if (ObligationStatus.valueOf(gone.getStatus()) == ObligationStatus.REQUIRED && gone.getRuleId() != null) {
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
        dsl.select(INCIDENT.ID).from(INCIDENT).where(INCIDENT.PHASE.ne(Phase.CLOSED.name())).fetch(INCIDENT.ID)
                .forEach(id -> recompute(incidents.require(id)));
    }

    @PreAuthorize("hasAuthority('" + IncidentPermissions.NOTIFY + "')")
    @Transactional
    public Obligation confirm(long obligationId, int version) {
        ObligationRecord row = lock(obligationId, version);
        requireStatus(row, ObligationStatus.PROPOSED, ObligationStatus.NOT_REQUIRED);
        decide(row, ObligationStatus.REQUIRED, null);
        timeline.record(row.getIncidentId(), Kind.OBLIGATION, "Confirmed as required: " + label(row));
        return toObligation(row);
    }

    @PreAuthorize("hasAuthority('" + IncidentPermissions.NOTIFY + "')")
    @Transactional
    public Obligation markNotRequired(long obligationId, int version, String reason) {
        if (reason == null || reason.isBlank()) {
            throw new IllegalArgumentException("Say why this notice is not required (the auditor will ask)");
        }
        ObligationRecord row = lock(obligationId, version);
        requireStatus(row, ObligationStatus.PROPOSED, ObligationStatus.REQUIRED);
        decide(row, ObligationStatus.NOT_REQUIRED, reason.strip());
        timeline.record(row.getIncidentId(), Kind.OBLIGATION, "Not required: " + label(row) + " — " + reason.strip());
        return toObligation(row);
    }

    /**
     * Records that the notice went out.
     *
     * @param delayReason required when sent after the due time (GDPR Art. 33(1): reasons for the delay)
     */
    @PreAuthorize("hasAuthority('" + IncidentPermissions.NOTIFY + "')")
    @Transactional
    public Obligation recordSent(long obligationId, int version, Instant sentAt, String reference, String delayReason) {
        ObligationRecord row = lock(obligationId, version);
        requireStatus(row, ObligationStatus.PROPOSED, ObligationStatus.REQUIRED);
        if (sentAt == null) {
            throw new IllegalArgumentException("When was it sent?");
        }
        if (sentAt.isAfter(Instant.now().plus(CLOCK_SKEW))) {
            throw new IllegalArgumentException("The sending time cannot be in the future");
        }
        if (row.getClockStartedAt() != null && sentAt.isBefore(row.getClockStartedAt().toInstant())) {
            throw new IllegalArgumentException("The sending time is before the clock of this notice started");
        }
        boolean late = row.getDueAt() != null && sentAt.isAfter(row.getDueAt().toInstant());
        if (late && (delayReason == null || delayReason.isBlank())) {
            throw new IllegalArgumentException("The notice was sent after its deadline: give the reasons for the delay");
        }
        if (row.getDecidedAt() == null) {
            row.setDecidedBy(CurrentUser.username().orElse("system"));
            row.setDecidedAt(OffsetDateTime.now());
        }
        row.setStatus(ObligationStatus.SENT.name());
        row.setSentAt(Times.odt(sentAt));
        row.setSentBy(CurrentUser.username().orElse("system"));
        row.setReference(reference == null || reference.isBlank() ? null : reference.strip());
        row.setDelayReason(late ? delayReason.strip() : null);
        row.setVersion(row.getVersion() + 1);
        row.store();
        timeline.record(row.getIncidentId(), Kind.OBLIGATION, "Sent: " + label(row) + (late ? " (late: " + delayReason.strip() + ")" : "")
                + (row.getReference() == null ? "" : ", reference " + row.getReference()));
        recompute(incidents.require(row.getIncidentId()));
        return toObligation(row);
    }

    /** Links the document that was sent (an attachment of the incident). */
    @PreAuthorize("hasAuthority('" + IncidentPermissions.NOTIFY + "')")
    @Transactional
    public void attachDocument(long obligationId, long attachmentId) {
        ObligationRecord row = dsl.selectFrom(OBLIGATION).where(OBLIGATION.ID.eq(obligationId)).forUpdate().fetchOptional()
                .orElseThrow(() -> new IllegalArgumentException("Obligation " + obligationId + " does not exist"));
        row.setDocumentId(attachmentId);
        row.setVersion(row.getVersion() + 1);
        row.store();
    }

    /** Phased information to the authority after the first notice (GDPR Art. 33(4)). */
    @PreAuthorize("hasAuthority('" + IncidentPermissions.NOTIFY + "')")
    @Transactional
    public void addUpdate(long obligationId, Instant sentAt, String summary) {
        ObligationRecord row = dsl.selectFrom(OBLIGATION).where(OBLIGATION.ID.eq(obligationId)).fetchOptional()
                .orElseThrow(() -> new IllegalArgumentException("Obligation " + obligationId + " does not exist"));
        if (ObligationStatus.valueOf(row.getStatus()) != ObligationStatus.SENT) {
            throw new IllegalArgumentException("Record the first notice before sending further information");
        }
        if (summary == null || summary.isBlank()) {
            throw new IllegalArgumentException("Say what information was sent");
        }
        if (sentAt == null || sentAt.isAfter(Instant.now().plus(CLOCK_SKEW))) {
            throw new IllegalArgumentException("The sending time is required and cannot be in the future");
        }
        ObligationUpdateRecord update = dsl.newRecord(OBLIGATION_UPDATE);
        update.setObligationId(obligationId);
        update.setSentAt(Times.odt(sentAt));
        update.setSentBy(CurrentUser.username().orElse("system"));
        update.setSummary(summary.strip());
        update.store();
        timeline.record(row.getIncidentId(), Kind.OBLIGATION, "Further information sent to " + row.getRecipient() + ": " + summary.strip());
    }

    /** An obligation the rules do not know (another regulator, a contract clause), added as required. */
    @PreAuthorize("hasAuthority('" + IncidentPermissions.NOTIFY + "')")
    @Transactional
    public Obligation addManual(long incidentId, String regime, String recipient, String jurisdiction, Instant due, String reason) {
        if (regime == null || regime.isBlank() || recipient == null || recipient.isBlank()) {
            throw new IllegalArgumentException("Regime and recipient are required");
        }
        if (reason == null || reason.isBlank()) {
            throw new IllegalArgumentException("Say why this notice is needed");
        }
        String where = jurisdiction == null || jurisdiction.isBlank() ? "*" : jurisdiction.strip();
        if (dsl.fetchExists(OBLIGATION, OBLIGATION.INCIDENT_ID.eq(incidentId).and(OBLIGATION.REGIME.eq(regime.strip()))
                .and(OBLIGATION.RECIPIENT.eq(recipient.strip())).and(OBLIGATION.JURISDICTION.eq(where)))) {
            throw new IllegalArgumentException("This incident already has an obligation to " + recipient.strip() + " under " + regime.strip());
        }
        ObligationRecord row = dsl.newRecord(OBLIGATION);
        row.setIncidentId(incidentId);
        row.setRegime(regime.strip());
        row.setRecipient(recipient.strip());
        row.setJurisdiction(where);
        row.setStatus(ObligationStatus.REQUIRED.name());
        row.setDueAt(Times.odt(due));
        row.setBasis("Added by hand: " + reason.strip());
        row.setManual(true);
        row.setDecidedBy(CurrentUser.username().orElse("system"));
        row.setDecidedAt(OffsetDateTime.now());
        row.setDecisionReason(reason.strip());
        row.setVersion(0);
        row.store();
        timeline.record(incidentId, Kind.OBLIGATION, "Added by hand: " + label(row) + " — " + reason.strip());
        return toObligation(row);
    }

    private void insertProposal(long incidentId, Proposal p) {
        ObligationRecord row = dsl.newRecord(OBLIGATION);
        row.setIncidentId(incidentId);
        row.setRegime(p.rule().regime());
        row.setRecipient(p.rule().recipient());
        row.setJurisdiction(p.jurisdiction());
        row.setStatus(ObligationStatus.PROPOSED.name());
        row.setManual(false);
        row.setVersion(0);
        setFromProposal(row, p);
        row.store();
    }

    private void updateProposal(ObligationRecord row, Proposal p, List<String> changes) {
        Instant before = Times.instant(row.getDueAt());
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
            if (!Objects.equals(Times.instant(row.getDueAt()), due)) {
                changes.add(label(row) + " due moved" + (row.getDueAt() == null ? "" : " from " + row.getDueAt().toInstant()) + due(due));
                row.setClockStartedAt(Times.odt(start));
                row.setDueAt(Times.odt(due));
                row.setVersion(row.getVersion() + 1);
                row.store();
            }
        });
    }

    private static void setFromProposal(ObligationRecord row, Proposal p) {
        row.setRuleId(p.rule().id());
        row.setRuleKey(p.rule().key());
        row.setDueAt(Times.odt(p.due()));
        row.setClockStartedAt(Times.odt(p.clockStart()));
        row.setBasis(p.basis());
    }

    private void decide(ObligationRecord row, ObligationStatus status, String reason) {
        row.setStatus(status.name());
        row.setDecidedBy(CurrentUser.username().orElse("system"));
        row.setDecidedAt(OffsetDateTime.now());
        row.setDecisionReason(reason);
        row.setVersion(row.getVersion() + 1);
        row.store();
    }

    private ObligationRecord lock(long obligationId, int version) {
        ObligationRecord row = dsl.selectFrom(OBLIGATION).where(OBLIGATION.ID.eq(obligationId)).forUpdate().fetchOptional()
                .orElseThrow(() -> new IllegalArgumentException("Obligation " + obligationId + " does not exist"));
        if (row.getVersion() != version) {
            throw new DataChangedException("Someone else changed this obligation in the meantime; reload and try again");
        }
        if (incidents.require(row.getIncidentId()).phase() == Phase.CLOSED) {
            throw new IllegalStateException("The incident is closed; reopen it to change its obligations");
        }
        return row;
    }

    private static void requireStatus(ObligationRecord row, ObligationStatus... allowed) {
        ObligationStatus status = ObligationStatus.valueOf(row.getStatus());
        for (ObligationStatus a : allowed) {
            if (a == status) {
                return;
            }
        }
        throw new IllegalStateException(label(row) + " is already " + status.label().toLowerCase());
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
                .forEach(r -> sent.merge(r.getRuleKey(), r.getSentAt().toInstant(), (a, b) -> a.isBefore(b) ? a : b));
        return sent;
    }

    private static String key(String regime, String recipient, String jurisdiction) {
        return regime + "\u0000" + recipient + "\u0000" + jurisdiction;
    }

    private static String label(Proposal p) {
        return Obligation.label(p.rule().regime(), p.rule().recipient(), p.jurisdiction());
    }

    private static String label(ObligationRecord r) {
        return Obligation.label(r.getRegime(), r.getRecipient(), r.getJurisdiction());
    }

    private static String due(Instant due) {
        return due == null ? " (clock not started)" : " to " + due;
    }

    static Obligation toObligation(ObligationRecord r) {
        return new Obligation(r.getId(), r.getIncidentId(), r.getRuleId(), r.getRuleKey(), r.getRegime(), r.getRecipient(),
                r.getJurisdiction(), ObligationStatus.valueOf(r.getStatus()), Times.instant(r.getDueAt()),
                Times.instant(r.getClockStartedAt()), r.getBasis(), r.getDecidedBy(), Times.instant(r.getDecidedAt()),
                r.getDecisionReason(), Times.instant(r.getSentAt()), r.getSentBy(), r.getReference(), r.getDelayReason(),
                r.getDocumentId(), r.getManual(), r.getVersion());
    }
}
