package dev.steward.incidents;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.Function;

/** Names the facts that differ between two versions of an incident, for the timeline ("Changed aware time, residents"). */
final class FactChanges {

    private record Fact(String name, Function<IncidentForm, Object> value) {
    }

    private static final List<Fact> FACTS = List.of(
            new Fact("title", IncidentForm::getTitle), new Fact("description", IncidentForm::getDescription),
            new Fact("type", IncidentForm::getType), new Fact("source", IncidentForm::getSource),
            new Fact("our role", IncidentForm::getOurRole), new Fact("reporter", IncidentForm::getReporter),
            new Fact("assignee", IncidentForm::getAssignee), new Fact("responders", IncidentForm::getResponders),
            new Fact("occurred from", IncidentForm::getOccurredFrom), new Fact("occurred to", IncidentForm::getOccurredTo),
            new Fact("discovery time", IncidentForm::getDiscoveredAt), new Fact("aware time", IncidentForm::getAwareAt),
            new Fact("determination time", IncidentForm::getDeterminedAt), new Fact("containment time", IncidentForm::getContainedAt),
            new Fact("confidentiality", IncidentForm::isConfidentiality), new Fact("integrity", IncidentForm::isIntegrity),
            new Fact("availability", IncidentForm::isAvailability), new Fact("systems affected", IncidentForm::getSystemsAffected),
            new Fact("data categories", IncidentForm::getDataCategories), new Fact("data-subject types", IncidentForm::getSubjectTypes),
            new Fact("individuals", IncidentForm::getIndividuals), new Fact("records", IncidentForm::getRecords),
            new Fact("residents", IncidentForm::getResidents), new Fact("PHI", IncidentForm::isPhi),
            new Fact("encryption", IncidentForm::isEncrypted), new Fact("key compromise", IncidentForm::isKeyCompromised),
            new Fact("consequences", IncidentForm::getConsequences), new Fact("measures taken", IncidentForm::getMeasuresTaken),
            new Fact("measures proposed", IncidentForm::getMeasuresProposed), new Fact("lessons learned", IncidentForm::getLessonsLearned),
            new Fact("external reference", IncidentForm::getExternalRef));

    private FactChanges() {
    }

    static List<String> between(IncidentForm before, IncidentForm after) {
        List<String> changed = new ArrayList<>();
        for (Fact fact : FACTS) {
            if (!Objects.equals(normalise(fact.value().apply(before)), normalise(fact.value().apply(after)))) {
                changed.add(fact.name());
            }
        }
        return changed;
    }

    /** Blank text is no text; collections compare by content whatever their order. */
    private static Object normalise(Object value) {
        if (value instanceof String s) {
            return s.isBlank() ? null : s.strip();
        }
        if (value instanceof java.util.Collection<?> c) {
            return new java.util.HashSet<>(c);
        }
        return value;
    }
}
