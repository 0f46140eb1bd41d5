package dev.steward.incidents.assessment;

import java.time.Instant;
import dev.steward.incidents.Incident;
import dev.steward.incidents.IncidentPermissions;
import dev.steward.incidents.IncidentReader;
import dev.steward.incidents.Phase;
import dev.steward.incidents.RiskLevel;
import dev.steward.incidents.Text;
import dev.steward.incidents.db.tables.records.EnisaAssessmentRecord;
import dev.steward.incidents.db.tables.records.HipaaAssessmentRecord;
import dev.steward.incidents.db.tables.records.IncidentRecord;
import dev.steward.incidents.obligations.ObligationService;
import dev.steward.incidents.work.Timeline;
import dev.steward.incidents.work.TimelineEntry.Kind;
import dev.steward.platform.security.CurrentUser;
import dev.steward.platform.validation.ConcurrentChangeException;
import org.jooq.DSLContext;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.util.List;
import java.util.Optional;

import static dev.steward.incidents.db.Tables.ENISA_ASSESSMENT;
import static dev.steward.incidents.db.Tables.HIPAA_ASSESSMENT;
import static dev.steward.incidents.db.Tables.INCIDENT;

/**
 * Severity (ENISA) and HIPAA assessments, kept in full each time an incident is re-assessed, and the risk conclusion
 * that decides which notices are owed.
 */
@Service
public class AssessmentService {

    private final DSLContext dsl;
    private final IncidentReader incidents;
    private final ObligationService obligations;
    private final Timeline timeline;

    AssessmentService(DSLContext dsl, IncidentReader incidents, ObligationService obligations,
                      Timeline timeline) {
        this.dsl = dsl;
        this.incidents = incidents;
        this.obligations = obligations;
        this.timeline = timeline;
    }

    @PreAuthorize(IncidentPermissions.MAY_ASSESS)
    @Transactional
    public EnisaAssessment assessSeverity(long incidentId, EnisaInput input) {
        IncidentRecord incident = open(incidentId);
        EnisaScore result = EnisaScore.of(input);
        EnisaAssessmentRecord r = dsl.newRecord(ENISA_ASSESSMENT);
        r.setIncidentId(incidentId);
        r.setDpcBasic((short) input.dpcBasic());
        r.setDpc(input.dpc());
        r.setDpcReason(Text.blankToNull(input.dpcReason()));
        r.setEi(input.ei());
        r.setEiReason(Text.blankToNull(input.eiReason()));
        r.setCbConfidentiality(input.cbConfidentiality());
        r.setCbIntegrity(input.cbIntegrity());
        r.setCbAvailability(input.cbAvailability());
        r.setCbMalicious(input.cbMalicious());
        r.setCbReason(Text.blankToNull(input.cbReason()));
        r.setScore(result.score());
        r.setBand(result.band().name());
        r.setAssessedBy(CurrentUser.username().orElse("system"));
        r.setAssessedAt(Instant.now());
        r.store();
        incident.setSeverity(result.band());
        incident.setVersion(incident.getVersion() + 1);
        incident.setUpdatedAt(Instant.now());
        incident.store();
        timeline.record(incidentId, Kind.ASSESSMENT, "ENISA severity " + result.score().toPlainString() + " ("
                + result.band().label() + "): " + input.formula());
        return toEnisa(r);
    }

    @PreAuthorize(IncidentPermissions.MAY_READ)
    @Transactional(readOnly = true)
    public List<EnisaAssessment> severityHistory(long incidentId) {
        return dsl.selectFrom(ENISA_ASSESSMENT).where(ENISA_ASSESSMENT.INCIDENT_ID.eq(incidentId))
                .orderBy(ENISA_ASSESSMENT.ASSESSED_AT.desc(), ENISA_ASSESSMENT.ID.desc()).fetch(AssessmentService::toEnisa);
    }

    @PreAuthorize(IncidentPermissions.MAY_ASSESS)
    @Transactional
    public HipaaAssessment assessHipaa(long incidentId, HipaaAssessment assessment) {
        IncidentRecord incident = open(incidentId);
        if (!incident.getPhi()) {
            throw new IllegalArgumentException("The HIPAA assessment is for incidents involving PHI; mark the incident as PHI first");
        }
        HipaaAssessmentRecord r = dsl.newRecord(HIPAA_ASSESSMENT);
        r.setIncidentId(incidentId);
        r.setNatureAndExtent(assessment.natureAndExtent().strip());
        r.setUnauthorisedPerson(assessment.unauthorisedPerson().strip());
        r.setAcquiredOrViewed(assessment.acquiredOrViewed().strip());
        r.setMitigation(assessment.mitigation().strip());
        r.setLowProbability(assessment.lowProbability());
        r.setAssessedBy(CurrentUser.username().orElse("system"));
        r.setAssessedAt(Instant.now());
        r.store();
        timeline.record(incidentId, Kind.ASSESSMENT, "HIPAA four-factor assessment: " + (assessment.lowProbability()
                ? "low probability that PHI was compromised (not a reportable breach)" : "PHI may have been compromised (presumed breach)"));
        obligations.recompute(incidents.require(incidentId));
        return toHipaa(r);
    }

    @PreAuthorize(IncidentPermissions.MAY_READ)
    @Transactional(readOnly = true)
    public Optional<HipaaAssessment> latestHipaa(long incidentId) {
        return dsl.selectFrom(HIPAA_ASSESSMENT).where(HIPAA_ASSESSMENT.INCIDENT_ID.eq(incidentId))
                .orderBy(HIPAA_ASSESSMENT.ASSESSED_AT.desc(), HIPAA_ASSESSMENT.ID.desc()).limit(1).fetchOptional(AssessmentService::toHipaa);
    }

    /**
     * Concludes the risk to individuals. The conclusion drives the obligations: they are recomputed at once.
     *
     * @return what changed in the obligations
     */
    @PreAuthorize(IncidentPermissions.MAY_ASSESS)
    @Transactional
    public List<String> concludeRisk(long incidentId, int version, RiskLevel risk, String reasoning) {
        if (risk == null) {
            throw new IllegalArgumentException("Choose a conclusion: none, risk or high risk");
        }
        if (reasoning == null || reasoning.isBlank()) {
            throw new IllegalArgumentException("Explain the conclusion (likelihood and severity of the consequences)");
        }
        IncidentRecord incident = open(incidentId);
        if (incident.getVersion() != version) {
            throw new ConcurrentChangeException("Someone else changed this incident in the meantime; reload it and try again");
        }
        incident.setRiskLevel(risk);
        incident.setRiskReasoning(reasoning.strip());
        incident.setVersion(incident.getVersion() + 1);
        incident.setUpdatedAt(Instant.now());
        incident.store();
        timeline.record(incidentId, Kind.ASSESSMENT, "Risk to individuals: " + risk.label() + " — " + reasoning.strip());
        Incident updated = incidents.require(incidentId);
        return obligations.recompute(updated);
    }

    private IncidentRecord open(long incidentId) {
        IncidentRecord incident = dsl.selectFrom(INCIDENT).where(INCIDENT.ID.eq(incidentId)).forUpdate().fetchOptional()
                .orElseThrow(() -> new IllegalArgumentException("Incident " + incidentId + " does not exist"));
        if (incident.getPhase() == Phase.CLOSED) {
            throw new IllegalStateException("The incident is closed; reopen it to assess it again");
        }
        return incident;
    }

    private static EnisaAssessment toEnisa(EnisaAssessmentRecord r) {
        EnisaInput input = new EnisaInput(r.getDpcBasic(), r.getDpc(), r.getDpcReason(), r.getEi(), r.getEiReason(),
                r.getCbConfidentiality(), r.getCbIntegrity(), r.getCbAvailability(), r.getCbMalicious(), r.getCbReason());
        return new EnisaAssessment(r.getId(), input, new EnisaScore(r.getScore(), SeverityBand.valueOf(r.getBand())),
                r.getAssessedBy(), r.getAssessedAt());
    }

    private static HipaaAssessment toHipaa(HipaaAssessmentRecord r) {
        return new HipaaAssessment(r.getNatureAndExtent(), r.getUnauthorisedPerson(), r.getAcquiredOrViewed(), r.getMitigation(),
                r.getLowProbability(), r.getAssessedBy(), r.getAssessedAt());
    }

}
