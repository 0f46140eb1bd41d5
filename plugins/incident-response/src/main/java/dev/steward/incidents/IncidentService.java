package dev.steward.incidents;

import dev.steward.incidents.db.tables.records.IncidentRecord;
import dev.steward.incidents.db.tables.records.IncidentResidencyRecord;
import dev.steward.incidents.obligations.ObligationService;
import dev.steward.incidents.work.TaskService;
import dev.steward.incidents.work.Timeline;
import dev.steward.incidents.integration.IncidentLinks;
import dev.steward.incidents.work.TimelineEntry.Kind;
import dev.steward.platform.links.EntityLinks;
import dev.steward.platform.links.EntityRef;
import dev.steward.platform.links.LinkedRecord;
import dev.steward.platform.catalog.PrivacyCatalog;
import dev.steward.platform.notifications.Notification;
import dev.steward.platform.notifications.NotificationService;
import dev.steward.platform.security.CurrentUser;
import dev.steward.platform.security.UserPermissions;
import dev.steward.platform.validation.InvalidInputException;
import dev.steward.platform.validation.ConcurrentChangeException;
import org.jooq.DSLContext;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.time.Clock;
import java.time.Year;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

import static dev.steward.incidents.db.Sequences.INCIDENT_REFERENCE_SEQ;
import static dev.steward.incidents.db.Tables.INCIDENT;
import static dev.steward.incidents.db.Tables.INCIDENT_RESIDENCY;

/** Logs incidents and keeps their facts; every change recomputes the notification obligations it may affect. */
@Service
public class IncidentService {

    private final DSLContext dsl;
    private final IncidentReader reader;
    private final PrivacyCatalog catalog;
    private final ObligationService obligations;
    private final TaskService tasks;
    private final Timeline timeline;
    private final NotificationService notifications;
    private final EntityLinks links;
    private final UserPermissions userPermissions;
    private final Clock clock = Clock.systemUTC();

    IncidentService(DSLContext dsl, IncidentReader reader, PrivacyCatalog catalog,
                    ObligationService obligations, TaskService tasks, Timeline timeline, NotificationService notifications,
                    EntityLinks links, UserPermissions userPermissions) {
        this.links = links;
        this.userPermissions = userPermissions;
        this.dsl = dsl;
        this.reader = reader;
        this.catalog = catalog;
        this.obligations = obligations;
        this.tasks = tasks;
        this.timeline = timeline;
        this.notifications = notifications;
    }

    @PreAuthorize(IncidentPermissions.MAY_READ)
    @Transactional(readOnly = true)
    public Optional<Incident> find(long id) {
        return reader.find(id);
    }

    @PreAuthorize(IncidentPermissions.MAY_WORK)
    @Transactional
    public Incident create(IncidentForm form) {
        validate(form, null);
        IncidentRecord record = dsl.newRecord(INCIDENT);
        long number = dsl.nextval(INCIDENT_REFERENCE_SEQ);
        record.setReference("INC-" + Year.now(clock).getValue() + "-" + String.format("%05d", number));
        record.setCreatedBy(CurrentUser.username().orElse("system"));
        record.setPhase(Phase.REPORTED);
        record.setVersion(0);
        apply(form, record);
        record.store();
        saveResidents(record.getId(), form.getResidents());
        timeline.record(record.getId(), Kind.LOGGED, "Incident logged: " + form.getTitle().strip() + " ("
                + form.getType().label() + ", reported via " + form.getSource().label() + ")");
        tasks.addFromTemplates(record.getId(), form.getType());
        Incident incident = reader.require(record.getId());
        obligations.recompute(incident);
        notifyAssignee(incident, null);
        return incident;
    }

    /**
     * Logs an incident opened from another module's record (a vendor's breach) and links the two, in one
     * transaction: if the record may not be linked, no incident is logged either.
     */
    @PreAuthorize(IncidentPermissions.MAY_WORK)
    @Transactional
    public Incident createLinked(IncidentForm form, EntityRef linkedTo) {
        Incident incident = create(form);
        LinkedRecord linked = links.link(EntityRef.of(IncidentLinks.TYPE, incident.id()), linkedTo, "Incident opened from this record");
        timeline.record(incident.id(), Kind.NOTE, "Opened from " + linked.typeLabel().toLowerCase() + " " + linked.target().title());
        return incident;
    }

    /**
     * Saves changed facts.
     *
     * @param version the version the user edited; if someone saved in between, nothing is written and
     *                {@link ConcurrentChangeException} says so
     */
    @PreAuthorize(IncidentPermissions.MAY_WORK)
    @Transactional
    public Incident update(long id, int version, IncidentForm form) {
        IncidentRecord record = lockForUpdate(dsl, id, version);
        if (record.getPhase() == Phase.CLOSED) {
            throw new IllegalStateException("The incident is closed; reopen it to change its facts");
        }
        validate(form, id);
        Incident before = reader.toIncident(record);
        List<String> changed = FactChanges.between(before.facts(), form);
        if (changed.isEmpty()) {
            return before;
        }
        apply(form, record);
        record.setVersion(record.getVersion() + 1);
        record.setUpdatedAt(clock.instant());
        record.store();
        saveResidents(id, form.getResidents());
        timeline.record(id, Kind.FACTS, "Changed " + String.join(", ", changed));
        Incident after = reader.require(id);
        obligations.recompute(after);
        notifyAssignee(after, before.facts().getAssignee());
        return after;
    }

    /** Locks the incident row and checks the version the caller saw. */
    static IncidentRecord lockForUpdate(DSLContext dsl, long id, int version) {
        IncidentRecord record = dsl.selectFrom(INCIDENT).where(INCIDENT.ID.eq(id)).forUpdate().fetchOptional()
                .orElseThrow(() -> new IllegalArgumentException("Incident " + id + " does not exist"));
        if (record.getVersion() != version) {
            throw new ConcurrentChangeException("Someone else changed this incident in the meantime (by "
                    + "version " + record.getVersion() + "); reload it to see their changes, then try again");
        }
        return record;
    }

    private void validate(IncidentForm form, Long id) {
        var problems = new java.util.ArrayList<>(IncidentRules.check(form, clock.instant(), catalog::exists));
        String ref = Text.blankToNull(form.getExternalRef());
        if (ref != null && ref.length() > 200) {
            problems.add(new InvalidInputException.Problem("externalRef", "The external reference is longer than 200 characters"));
        } else if (ref != null && dsl.fetchExists(INCIDENT, INCIDENT.EXTERNAL_REF.eq(ref).and(id == null ? org.jooq.impl.DSL.noCondition() : INCIDENT.ID.ne(id)))) {
            problems.add(new InvalidInputException.Problem("externalRef", "Another incident has the external reference " + ref));
        }
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
    }

    private void apply(IncidentForm f, IncidentRecord r) {
        if (!Objects.equals(f.getAwareAt(), r.getAwareAt())) {
            r.setAwareDeclaredBy(f.getAwareAt() == null ? null : CurrentUser.username().orElse("system"));
        }
        r.setTitle(f.getTitle().strip());
        r.setDescription(Text.blankToNull(f.getDescription()));
        r.setType(f.getType());
        r.setSource(f.getSource());
        r.setOurRole(f.getOurRole());
        r.setReporter(Text.blankToNull(f.getReporter()));
        r.setAssignee(Text.blankToNull(f.getAssignee()));
        r.setResponders(f.getResponders().stream().filter(s -> s != null && !s.isBlank()).map(String::strip).distinct()
                .toArray(String[]::new));
        r.setOccurredFrom(f.getOccurredFrom());
        r.setOccurredTo(f.getOccurredTo());
        r.setDiscoveredAt(f.getDiscoveredAt());
        r.setAwareAt(f.getAwareAt());
        r.setDeterminedAt(f.getDeterminedAt());
        r.setContainedAt(f.getContainedAt());
        r.setConfidentiality(f.isConfidentiality());
        r.setIntegrity(f.isIntegrity());
        r.setAvailability(f.isAvailability());
        r.setSystemsAffected(Text.blankToNull(f.getSystemsAffected()));
        r.setDataCategories(f.getDataCategories().stream().sorted().toArray(String[]::new));
        r.setSubjectTypes(f.getSubjectTypes().stream().sorted().toArray(String[]::new));
        r.setIndividualsCount(f.getIndividuals());
        r.setRecordsCount(f.getRecords());
        r.setPhi(f.isPhi());
        r.setEncrypted(f.isEncrypted());
        r.setKeyCompromised(f.isKeyCompromised());
        r.setConsequences(Text.blankToNull(f.getConsequences()));
        r.setMeasuresTaken(Text.blankToNull(f.getMeasuresTaken()));
        r.setMeasuresProposed(Text.blankToNull(f.getMeasuresProposed()));
        r.setLessonsLearned(Text.blankToNull(f.getLessonsLearned()));
        r.setExternalRef(Text.blankToNull(f.getExternalRef()));
    }

    /** Writes only the jurisdictions that changed, record by record, so each change reaches the audit log. */
    private void saveResidents(long incidentId, Map<String, Integer> residents) {
        List<IncidentResidencyRecord> existing = new ArrayList<>(dsl.selectFrom(INCIDENT_RESIDENCY)
                .where(INCIDENT_RESIDENCY.INCIDENT_ID.eq(incidentId)).fetch());
        for (IncidentResidencyRecord row : existing) {
            Integer count = residents.get(row.getJurisdiction());
            if (count == null) {
                row.delete();
            } else if (!count.equals(row.getResidents())) {
                row.setResidents(count);
                row.store();
            }
        }
        residents.forEach((jurisdiction, count) -> {
            if (existing.stream().noneMatch(r -> r.getJurisdiction().equals(jurisdiction))) {
                IncidentResidencyRecord row = dsl.newRecord(INCIDENT_RESIDENCY);
                row.setIncidentId(incidentId);
                row.setJurisdiction(jurisdiction);
                row.setResidents(count);
                row.store();
            }
        });
    }

    private void notifyAssignee(Incident incident, String previousAssignee) {
        String assignee = incident.facts().getAssignee();
        // an assignee who may not read incidents is not sent its reference and title (the privacy officers hear of its notices)
        if (assignee != null && !assignee.equals(previousAssignee) && !assignee.equals(CurrentUser.username().orElse(null))
                && userPermissions.holds(assignee, IncidentPermissions.READ)) {
            notifications.send(new Notification(IncidentPermissions.PLUGIN_ID, "incidents.assigned", assignee,
                    "Incident assigned to you: " + incident.reference(), incident.title(), "incidents/" + incident.id(),
                    Map.of("reference", incident.reference(), "title", incident.title())));
        }
    }

}
