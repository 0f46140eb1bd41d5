package dev.steward.incidents.obligations;

import dev.steward.incidents.Incident;
import dev.steward.incidents.IncidentPermissions;
import dev.steward.incidents.IncidentReader;
import dev.steward.incidents.Phase;
import dev.steward.incidents.db.tables.records.ObligationRecord;
import dev.steward.incidents.db.tables.records.ObligationUpdateRecord;
import dev.steward.incidents.work.Timeline;
import dev.steward.incidents.work.TimelineEntry.Kind;
import dev.steward.platform.security.CurrentUser;
import dev.steward.platform.validation.ConcurrentChangeException;
import org.jooq.DSLContext;
import org.jooq.Record;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;

import static dev.steward.incidents.db.Tables.NOTIFICATION_RULE;
import static dev.steward.incidents.db.Tables.OBLIGATION;
import static dev.steward.incidents.db.Tables.RULE_NOT_OWED;
import static dev.steward.incidents.db.Tables.OBLIGATION_UPDATE;

/**
 * An incident's notification obligations: proposed from its facts by the rules, decided by a privacy officer
 * (required, or not required with a reason), then sent and recorded. The guarded entry points: every public method checks
 * a permission; the reconciliation of proposals with the facts is {@link ProposalReconciliation}, behind them.
 */
@Service
public class ObligationService {

    private static final Duration CLOCK_SKEW = Duration.ofMinutes(1);

    private final DSLContext dsl;
    private final ProposalReconciliation reconciliation;
    private final IncidentReader incidents;
    private final Timeline timeline;

    ObligationService(DSLContext dsl, ProposalReconciliation reconciliation, IncidentReader incidents, Timeline timeline) {
        this.dsl = dsl;
        this.reconciliation = reconciliation;
        this.incidents = incidents;
        this.timeline = timeline;
    }

    @PreAuthorize(IncidentPermissions.MAY_READ)
    @Transactional(readOnly = true)
    public List<Obligation> of(long incidentId) {
        return withRule().where(OBLIGATION.INCIDENT_ID.eq(incidentId))
                .orderBy(OBLIGATION.DUE_AT.asc().nullsLast(), OBLIGATION.REGIME, OBLIGATION.RECIPIENT)
                .fetch(ObligationService::joined);
    }

    @PreAuthorize(IncidentPermissions.MAY_READ)
    @Transactional(readOnly = true)
    public java.util.Optional<Obligation> find(long obligationId) {
        return withRule().where(OBLIGATION.ID.eq(obligationId)).fetchOptional(ObligationService::joined);
    }

    /**
     * The rules considered for the incident that call for no notice, each with its reason, as last computed from its
     * facts (a closed incident keeps those of its last recompute).
     */
    @PreAuthorize(IncidentPermissions.MAY_READ)
    @Transactional(readOnly = true)
    public List<NotOwed> notOwed(long incidentId) {
        return dsl.selectFrom(RULE_NOT_OWED).where(RULE_NOT_OWED.INCIDENT_ID.eq(incidentId))
                .orderBy(RULE_NOT_OWED.REGIME, RULE_NOT_OWED.RECIPIENT, RULE_NOT_OWED.JURISDICTION)
                .fetch(r -> new NotOwed(r.getRuleId(), r.getRuleKey(), r.getRuleVersion(), r.getRegime(), r.getRecipient(),
                        r.getJurisdiction(), r.getReason(), r.getCitation()));
    }

    @PreAuthorize(IncidentPermissions.MAY_READ)
    @Transactional(readOnly = true)
    public List<ObligationUpdate> updatesOf(long obligationId) {
        return dsl.selectFrom(OBLIGATION_UPDATE).where(OBLIGATION_UPDATE.OBLIGATION_ID.eq(obligationId))
                .orderBy(OBLIGATION_UPDATE.SENT_AT)
                .fetch(r -> new ObligationUpdate(r.getSentAt(), r.getSentBy(), r.getSummary()));
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
        return reconciliation.reconcile(incident);
    }

    @PreAuthorize(IncidentPermissions.MAY_NOTIFY)
    @Transactional
    public Obligation confirm(long obligationId, int version) {
        ObligationRecord row = lock(obligationId, version);
        requireStatus(row, ObligationStatus.PROPOSED, ObligationStatus.NOT_REQUIRED);
        decide(row, ObligationStatus.REQUIRED, null);
        timeline.record(row.getIncidentId(), Kind.OBLIGATION, "Confirmed as required: " + label(row));
        return toObligation(row);
    }

    @PreAuthorize(IncidentPermissions.MAY_NOTIFY)
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
    @PreAuthorize(IncidentPermissions.MAY_NOTIFY)
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
        if (row.getClockStartedAt() != null && sentAt.isBefore(row.getClockStartedAt())) {
            throw new IllegalArgumentException("The sending time is before the clock of this notice started");
        }
        boolean late = row.getDueAt() != null && sentAt.isAfter(row.getDueAt());
        if (late && (delayReason == null || delayReason.isBlank())) {
            throw new IllegalArgumentException("The notice was sent after its deadline: give the reasons for the delay");
        }
        if (row.getDecidedAt() == null) {
            row.setDecidedBy(CurrentUser.username().orElse("system"));
            row.setDecidedAt(Instant.now());
        }
        row.setStatus(ObligationStatus.SENT);
        row.setSentAt(sentAt);
        row.setSentBy(CurrentUser.username().orElse("system"));
        row.setReference(reference == null || reference.isBlank() ? null : reference.strip());
        row.setDelayReason(late ? delayReason.strip() : null);
        row.setVersion(row.getVersion() + 1);
        row.store();
        timeline.record(row.getIncidentId(), Kind.OBLIGATION, "Sent: " + label(row) + (late ? " (late: " + delayReason.strip() + ")" : "")
                + (row.getReference() == null ? "" : ", reference " + row.getReference()));
        reconciliation.reconcile(incidents.require(row.getIncidentId()));
        return toObligation(row);
    }

    /** Links the document that was sent (an attachment of the incident). */
    @PreAuthorize(IncidentPermissions.MAY_NOTIFY)
    @Transactional
    public void attachDocument(long obligationId, long attachmentId) {
        ObligationRecord row = dsl.selectFrom(OBLIGATION).where(OBLIGATION.ID.eq(obligationId)).forUpdate().fetchOptional()
                .orElseThrow(() -> new IllegalArgumentException("Obligation " + obligationId + " does not exist"));
        row.setDocumentId(attachmentId);
        row.setVersion(row.getVersion() + 1);
        row.store();
    }

    /** Phased information to the authority after the first notice (GDPR Art. 33(4)). */
    @PreAuthorize(IncidentPermissions.MAY_NOTIFY)
    @Transactional
    public void addUpdate(long obligationId, Instant sentAt, String summary) {
        ObligationRecord row = dsl.selectFrom(OBLIGATION).where(OBLIGATION.ID.eq(obligationId)).fetchOptional()
                .orElseThrow(() -> new IllegalArgumentException("Obligation " + obligationId + " does not exist"));
        if (row.getStatus() != ObligationStatus.SENT) {
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
        update.setSentAt(sentAt);
        update.setSentBy(CurrentUser.username().orElse("system"));
        update.setSummary(summary.strip());
        update.store();
        timeline.record(row.getIncidentId(), Kind.OBLIGATION, "Further information sent to " + row.getRecipient() + ": " + summary.strip());
    }

    /** An obligation the rules do not know (another regulator, a contract clause), added as required. */
    @PreAuthorize(IncidentPermissions.MAY_NOTIFY)
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
        row.setStatus(ObligationStatus.REQUIRED);
        row.setDueAt(due);
        row.setBasis("Added by hand: " + reason.strip());
        row.setManual(true);
        row.setDecidedBy(CurrentUser.username().orElse("system"));
        row.setDecidedAt(Instant.now());
        row.setDecisionReason(reason.strip());
        row.setVersion(0);
        row.store();
        timeline.record(incidentId, Kind.OBLIGATION, "Added by hand: " + label(row) + " — " + reason.strip());
        return toObligation(row);
    }

    private void decide(ObligationRecord row, ObligationStatus status, String reason) {
        row.setStatus(status);
        row.setDecidedBy(CurrentUser.username().orElse("system"));
        row.setDecidedAt(Instant.now());
        row.setDecisionReason(reason);
        row.setVersion(row.getVersion() + 1);
        row.store();
    }

    private ObligationRecord lock(long obligationId, int version) {
        ObligationRecord row = dsl.selectFrom(OBLIGATION).where(OBLIGATION.ID.eq(obligationId)).forUpdate().fetchOptional()
                .orElseThrow(() -> new IllegalArgumentException("Obligation " + obligationId + " does not exist"));
        if (row.getVersion() != version) {
            throw new ConcurrentChangeException("Someone else changed this obligation in the meantime; reload and try again");
        }
        if (incidents.require(row.getIncidentId()).phase() == Phase.CLOSED) {
            throw new IllegalStateException("The incident is closed; reopen it to change its obligations");
        }
        return row;
    }

    private static void requireStatus(ObligationRecord row, ObligationStatus... allowed) {
        ObligationStatus status = row.getStatus();
        for (ObligationStatus a : allowed) {
            if (a == status) {
                return;
            }
        }
        throw new IllegalStateException(label(row) + " is already " + status.label().toLowerCase());
    }

    private static String label(ObligationRecord r) {
        return ProposalReconciliation.label(r);
    }

    /** Obligations with the deadline kind and zone of their rule (none for one added by hand). */
    private org.jooq.SelectOnConditionStep<Record> withRule() {
        return dsl.select(OBLIGATION.asterisk()).select(NOTIFICATION_RULE.DEADLINE_KIND, NOTIFICATION_RULE.TIME_ZONE)
                .from(OBLIGATION).leftJoin(NOTIFICATION_RULE).on(NOTIFICATION_RULE.ID.eq(OBLIGATION.RULE_ID));
    }

    private static Obligation joined(Record r) {
        return toObligation(r.into(OBLIGATION), dayZone(r.get(NOTIFICATION_RULE.DEADLINE_KIND), r.get(NOTIFICATION_RULE.TIME_ZONE)));
    }

    /** An obligation just changed through its record: its rule's zone is read again. */
    private Obligation toObligation(ObligationRecord r) {
        Record rule = r.getRuleId() == null ? null : dsl.select(NOTIFICATION_RULE.DEADLINE_KIND, NOTIFICATION_RULE.TIME_ZONE)
                .from(NOTIFICATION_RULE).where(NOTIFICATION_RULE.ID.eq(r.getRuleId())).fetchOne();
        return toObligation(r, rule == null ? null : dayZone(rule.get(NOTIFICATION_RULE.DEADLINE_KIND), rule.get(NOTIFICATION_RULE.TIME_ZONE)));
    }

    private static ZoneId dayZone(NotificationRule.DeadlineKind kind, String zone) {
        return kind != null && DueText.endsADay(kind) ? RuleService.zone(zone) : null;
    }

    static Obligation toObligation(ObligationRecord r, ZoneId dayZone) {
        return new Obligation(r.getId(), r.getIncidentId(), r.getRuleId(), r.getRuleKey(), r.getRegime(), r.getRecipient(),
                r.getJurisdiction(), r.getStatus(), r.getDueAt(),
                r.getClockStartedAt(), r.getBasis(), r.getDecidedBy(), r.getDecidedAt(),
                r.getDecisionReason(), r.getSentAt(), r.getSentBy(), r.getReference(), r.getDelayReason(),
                r.getDocumentId(), r.getManual(), r.getVersion(), dayZone);
    }
}
