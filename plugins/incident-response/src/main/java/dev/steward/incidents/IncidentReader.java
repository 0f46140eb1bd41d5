package dev.steward.incidents;

import dev.steward.incidents.assessment.SeverityBand;
import dev.steward.incidents.db.tables.records.IncidentRecord;
import org.jooq.DSLContext;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Component;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Optional;

import static dev.steward.incidents.db.Tables.INCIDENT;
import static dev.steward.incidents.db.Tables.INCIDENT_RESIDENCY;

/** Loads incidents for the plugin's services; the permission checks are the callers'. */
@Component
@PreAuthorize(IncidentPermissions.MAY_READ)
public class IncidentReader {

    private final DSLContext dsl;

    IncidentReader(DSLContext dsl) {
        this.dsl = dsl;
    }

    public Optional<Incident> findByExternalRef(String externalRef) {
        return dsl.selectFrom(INCIDENT).where(INCIDENT.EXTERNAL_REF.eq(externalRef)).fetchOptional().map(this::toIncident);
    }

    public Optional<Incident> findByReference(String reference) {
        return dsl.selectFrom(INCIDENT).where(INCIDENT.REFERENCE.eq(reference)).fetchOptional().map(this::toIncident);
    }

    public Optional<Incident> find(long id) {
        return dsl.selectFrom(INCIDENT).where(INCIDENT.ID.eq(id)).fetchOptional().map(this::toIncident);
    }

    public Incident require(long id) {
        return find(id).orElseThrow(() -> new IllegalArgumentException("Incident " + id + " does not exist"));
    }

    Incident toIncident(IncidentRecord r) {
        return new Incident(r.getId(), r.getReference(), r.getVersion(), r.getPhase(),
                r.getSeverity(),
                r.getRiskLevel(), r.getRiskReasoning(),
                r.getAwareDeclaredBy(), r.getClosedAt(), r.getCreatedAt(), r.getCreatedBy(), facts(r));
    }

    private IncidentForm facts(IncidentRecord r) {
        IncidentForm f = new IncidentForm();
        f.setTitle(r.getTitle());
        f.setDescription(r.getDescription());
        f.setType(r.getType());
        f.setSource(r.getSource());
        f.setOurRole(r.getOurRole());
        f.setReporter(r.getReporter());
        f.setAssignee(r.getAssignee());
        f.setResponders(Arrays.asList(r.getResponders()));
        f.setOccurredFrom(r.getOccurredFrom());
        f.setOccurredTo(r.getOccurredTo());
        f.setDiscoveredAt(r.getDiscoveredAt());
        f.setAwareAt(r.getAwareAt());
        f.setDeterminedAt(r.getDeterminedAt());
        f.setContainedAt(r.getContainedAt());
        f.setConfidentiality(r.getConfidentiality());
        f.setIntegrity(r.getIntegrity());
        f.setAvailability(r.getAvailability());
        f.setSystemsAffected(r.getSystemsAffected());
        f.setDataCategories(new LinkedHashSet<>(Arrays.asList(r.getDataCategories())));
        f.setSubjectTypes(new LinkedHashSet<>(Arrays.asList(r.getSubjectTypes())));
        f.setIndividuals(r.getIndividualsCount());
        f.setRecords(r.getRecordsCount());
        f.setResidents(residents(r.getId()));
        f.setPhi(r.getPhi());
        f.setEncrypted(r.getEncrypted());
        f.setKeyCompromised(r.getKeyCompromised());
        f.setConsequences(r.getConsequences());
        f.setMeasuresTaken(r.getMeasuresTaken());
        f.setMeasuresProposed(r.getMeasuresProposed());
        f.setLessonsLearned(r.getLessonsLearned());
        f.setExternalRef(r.getExternalRef());
        return f;
    }

    private Map<String, Integer> residents(long incidentId) {
        Map<String, Integer> residents = new LinkedHashMap<>();
        dsl.selectFrom(INCIDENT_RESIDENCY).where(INCIDENT_RESIDENCY.INCIDENT_ID.eq(incidentId))
                .orderBy(INCIDENT_RESIDENCY.JURISDICTION)
                .forEach(r -> residents.put(r.getJurisdiction(), r.getResidents()));
        return residents;
    }
}
