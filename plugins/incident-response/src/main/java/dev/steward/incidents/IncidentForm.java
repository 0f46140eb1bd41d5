package dev.steward.incidents;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The facts of an incident as a user (or the intake API) writes them: a bean, which the console's forms edit with a
 * Vaadin Binder ({@code FactsPanel}, {@code LogIncidentDialog}) and the intake API fills field by field.
 * The risk conclusion, assessments, phase and obligations have their own actions and permissions; {@link #getResidents()}
 * counts individuals per jurisdiction code of the privacy catalogue.
 */
public class IncidentForm {

    private String title;
    private String description;
    private IncidentType type;
    private IncidentSource source;
    private OurRole ourRole;
    private String reporter;
    private String assignee;
    private List<String> responders = new ArrayList<>();
    private Instant occurredFrom;
    private Instant occurredTo;
    private Instant discoveredAt;
    private Instant awareAt;
    private Instant determinedAt;
    private Instant containedAt;
    private boolean confidentiality;
    private boolean integrity;
    private boolean availability;
    private String systemsAffected;
    private Set<String> dataCategories = new LinkedHashSet<>();
    private Set<String> subjectTypes = new LinkedHashSet<>();
    private Integer individuals;
    private Long records;
    private Map<String, Integer> residents = new LinkedHashMap<>();
    private boolean phi;
    private boolean encrypted;
    private boolean keyCompromised;
    private String consequences;
    private String measuresTaken;
    private String measuresProposed;
    private String lessonsLearned;
    private String externalRef;

    /** A minimal new incident: the rest is filled in as the work goes on. */
    public static IncidentForm of(String title, IncidentType type, IncidentSource source, OurRole role, Instant discoveredAt) {
        IncidentForm form = new IncidentForm();
        form.title = title;
        form.type = type;
        form.source = source;
        form.ourRole = role;
        form.discoveredAt = discoveredAt;
        return form;
    }

    public String getTitle() {
        return title;
    }

    public void setTitle(String title) {
        this.title = title;
    }

    public String getDescription() {
        return description;
    }

    public void setDescription(String description) {
        this.description = description;
    }

    public IncidentType getType() {
        return type;
    }

    public void setType(IncidentType type) {
        this.type = type;
    }

    public IncidentSource getSource() {
        return source;
    }

    public void setSource(IncidentSource source) {
        this.source = source;
    }

    public OurRole getOurRole() {
        return ourRole;
    }

    public void setOurRole(OurRole ourRole) {
        this.ourRole = ourRole;
    }

    public String getReporter() {
        return reporter;
    }

    public void setReporter(String reporter) {
        this.reporter = reporter;
    }

    public String getAssignee() {
        return assignee;
    }

    public void setAssignee(String assignee) {
        this.assignee = assignee;
    }

    public List<String> getResponders() {
        return responders;
    }

    public void setResponders(List<String> responders) {
        this.responders = responders == null ? new ArrayList<>() : new ArrayList<>(responders);
    }

    public Instant getOccurredFrom() {
        return occurredFrom;
    }

    public void setOccurredFrom(Instant occurredFrom) {
        this.occurredFrom = occurredFrom;
    }

    public Instant getOccurredTo() {
        return occurredTo;
    }

    public void setOccurredTo(Instant occurredTo) {
        this.occurredTo = occurredTo;
    }

    public Instant getDiscoveredAt() {
        return discoveredAt;
    }

    public void setDiscoveredAt(Instant discoveredAt) {
        this.discoveredAt = discoveredAt;
    }

    public Instant getAwareAt() {
        return awareAt;
    }

    public void setAwareAt(Instant awareAt) {
        this.awareAt = awareAt;
    }

    public Instant getDeterminedAt() {
        return determinedAt;
    }

    public void setDeterminedAt(Instant determinedAt) {
        this.determinedAt = determinedAt;
    }

    public Instant getContainedAt() {
        return containedAt;
    }

    public void setContainedAt(Instant containedAt) {
        this.containedAt = containedAt;
    }

    public boolean isConfidentiality() {
        return confidentiality;
    }

    public void setConfidentiality(boolean confidentiality) {
        this.confidentiality = confidentiality;
    }

    public boolean isIntegrity() {
        return integrity;
    }

    public void setIntegrity(boolean integrity) {
        this.integrity = integrity;
    }

    public boolean isAvailability() {
        return availability;
    }

    public void setAvailability(boolean availability) {
        this.availability = availability;
    }

    public String getSystemsAffected() {
        return systemsAffected;
    }

    public void setSystemsAffected(String systemsAffected) {
        this.systemsAffected = systemsAffected;
    }

    public Set<String> getDataCategories() {
        return dataCategories;
    }

    public void setDataCategories(Set<String> dataCategories) {
        this.dataCategories = dataCategories == null ? new LinkedHashSet<>() : new LinkedHashSet<>(dataCategories);
    }

    public Set<String> getSubjectTypes() {
        return subjectTypes;
    }

    public void setSubjectTypes(Set<String> subjectTypes) {
        this.subjectTypes = subjectTypes == null ? new LinkedHashSet<>() : new LinkedHashSet<>(subjectTypes);
    }

    public Integer getIndividuals() {
        return individuals;
    }

    public void setIndividuals(Integer individuals) {
        this.individuals = individuals;
    }

    public Long getRecords() {
        return records;
    }

    public void setRecords(Long records) {
        this.records = records;
    }

    public Map<String, Integer> getResidents() {
        return residents;
    }

    public void setResidents(Map<String, Integer> residents) {
        this.residents = residents == null ? new LinkedHashMap<>() : new LinkedHashMap<>(residents);
    }

    public boolean isPhi() {
        return phi;
    }

    public void setPhi(boolean phi) {
        this.phi = phi;
    }

    public boolean isEncrypted() {
        return encrypted;
    }

    public void setEncrypted(boolean encrypted) {
        this.encrypted = encrypted;
    }

    public boolean isKeyCompromised() {
        return keyCompromised;
    }

    public void setKeyCompromised(boolean keyCompromised) {
        this.keyCompromised = keyCompromised;
    }

    public String getConsequences() {
        return consequences;
    }

    public void setConsequences(String consequences) {
        this.consequences = consequences;
    }

    public String getMeasuresTaken() {
        return measuresTaken;
    }

    public void setMeasuresTaken(String measuresTaken) {
        this.measuresTaken = measuresTaken;
    }

    public String getMeasuresProposed() {
        return measuresProposed;
    }

    public void setMeasuresProposed(String measuresProposed) {
        this.measuresProposed = measuresProposed;
    }

    public String getLessonsLearned() {
        return lessonsLearned;
    }

    public void setLessonsLearned(String lessonsLearned) {
        this.lessonsLearned = lessonsLearned;
    }

    /** The id a SIEM or another tool knows the incident by (intake API); null for incidents logged in the console. */
    public String getExternalRef() {
        return externalRef;
    }

    public void setExternalRef(String externalRef) {
        this.externalRef = externalRef;
    }
}
