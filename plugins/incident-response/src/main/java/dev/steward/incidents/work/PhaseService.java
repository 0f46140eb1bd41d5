package dev.steward.incidents.work;

import java.time.Instant;
import dev.steward.incidents.Incident;
import dev.steward.incidents.IncidentPermissions;
import dev.steward.incidents.IncidentReader;
import dev.steward.incidents.Phase;
import dev.steward.incidents.db.tables.records.IncidentRecord;
import dev.steward.incidents.obligations.Obligation;
import dev.steward.incidents.obligations.ObligationService;
import dev.steward.incidents.obligations.ObligationStatus;
import dev.steward.incidents.work.TimelineEntry.Kind;
import dev.steward.platform.validation.ConcurrentChangeException;
import org.jooq.DSLContext;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.util.ArrayList;
import java.util.List;

import static dev.steward.incidents.db.Tables.ENISA_ASSESSMENT;
import static dev.steward.incidents.db.Tables.HIPAA_ASSESSMENT;
import static dev.steward.incidents.db.Tables.INCIDENT;

/**
 * Moves an incident through reported, triage, contained, assessed, notified and closed. Each step checks what it
 * needs (and what every earlier step needed) and names exactly what is missing; a closed incident can be reopened
 * with a reason.
 */
@Service
public class PhaseService {

    private final DSLContext dsl;
    private final IncidentReader incidents;
    private final ObligationService obligations;
    private final TaskService tasks;
    private final Timeline timeline;

    PhaseService(DSLContext dsl, IncidentReader incidents, ObligationService obligations,
                 TaskService tasks, Timeline timeline) {
        this.dsl = dsl;
        this.incidents = incidents;
        this.obligations = obligations;
        this.tasks = tasks;
        this.timeline = timeline;
    }

    /** What stops the incident from reaching {@code target}; empty when it may. */
    @PreAuthorize(IncidentPermissions.MAY_READ)
    @Transactional(readOnly = true)
    public List<String> missingFor(long incidentId, Phase target) {
        Incident incident = incidents.require(incidentId);
        List<String> missing = new ArrayList<>();
        var f = incident.facts();
        if (target.ordinal() >= Phase.TRIAGE.ordinal() && f.getAssignee() == null) {
            missing.add("Assign the incident to someone");
        }
        if (target.ordinal() >= Phase.CONTAINED.ordinal() && f.getContainedAt() == null) {
            missing.add("Record when the incident was contained");
        }
        if (target.ordinal() >= Phase.ASSESSED.ordinal()) {
            if (f.getAwareAt() == null) {
                missing.add("Record when we became aware (it starts the legal clocks)");
            }
            if (!dsl.fetchExists(ENISA_ASSESSMENT, ENISA_ASSESSMENT.INCIDENT_ID.eq(incidentId))) {
                missing.add("Assess the severity (ENISA)");
            }
            if (f.isPhi() && !dsl.fetchExists(HIPAA_ASSESSMENT, HIPAA_ASSESSMENT.INCIDENT_ID.eq(incidentId))) {
                missing.add("Complete the HIPAA four-factor assessment (PHI is involved)");
            }
            if (incident.risk() == null) {
                missing.add("Conclude the risk to individuals (none, risk or high risk)");
            }
        }
        if (target.ordinal() >= Phase.NOTIFIED.ordinal()) {
            for (Obligation o : obligations.of(incidentId)) {
                if (o.status() == ObligationStatus.PROPOSED) {
                    missing.add("Decide on " + o.label() + " (required or not required)");
                } else if (o.status() == ObligationStatus.REQUIRED) {
                    missing.add("Send and record " + o.label());
                }
            }
        }
        if (target == Phase.CLOSED) {
            tasks.openTitles(incidentId).forEach(t -> missing.add("Finish or cancel the task \"" + t + "\""));
            if (f.getLessonsLearned() == null || f.getLessonsLearned().isBlank()) {
                missing.add("Record the lessons learned");
            }
        }
        return missing;
    }

    /** Moves the incident one phase on, if nothing is missing. */
    @PreAuthorize(IncidentPermissions.MAY_WORK)
    @Transactional
    public Phase advance(long incidentId, int version) {
        IncidentRecord record = lock(incidentId, version);
        Phase current = record.getPhase();
        Phase next = current.next();
        if (next == null) {
            throw new IllegalStateException("The incident is closed; reopen it to work on it again");
        }
        List<String> missing = missingFor(incidentId, next);
        if (!missing.isEmpty()) {
            throw new IllegalStateException("Cannot move to " + next.label().toLowerCase() + ": " + String.join("; ", missing));
        }
        record.setPhase(next);
        if (next == Phase.CLOSED) {
            record.setClosedAt(Instant.now());
        }
        store(record);
        timeline.record(incidentId, Kind.PHASE, current.label() + " → " + next.label());
        return next;
    }

    @PreAuthorize(IncidentPermissions.MAY_WORK)
    @Transactional
    public void reopen(long incidentId, int version, String reason) {
        if (reason == null || reason.isBlank()) {
            throw new IllegalArgumentException("Say why the incident is reopened");
        }
        IncidentRecord record = lock(incidentId, version);
        if (record.getPhase() != Phase.CLOSED) {
            throw new IllegalStateException("Only a closed incident can be reopened");
        }
        record.setPhase(Phase.TRIAGE);
        record.setClosedAt(null);
        store(record);
        timeline.record(incidentId, Kind.PHASE, "Reopened (closed → triage): " + reason.strip());
    }

    private IncidentRecord lock(long incidentId, int version) {
        IncidentRecord record = dsl.selectFrom(INCIDENT).where(INCIDENT.ID.eq(incidentId)).forUpdate().fetchOptional()
                .orElseThrow(() -> new IllegalArgumentException("Incident " + incidentId + " does not exist"));
        if (record.getVersion() != version) {
            throw new ConcurrentChangeException("Someone else changed this incident in the meantime; reload it and try again");
        }
        return record;
    }

    private void store(IncidentRecord record) {
        record.setVersion(record.getVersion() + 1);
        record.setUpdatedAt(Instant.now());
        record.store();
    }
}
