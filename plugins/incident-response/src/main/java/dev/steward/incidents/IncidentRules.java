package dev.steward.incidents;

import dev.steward.platform.catalog.CatalogKind;
import dev.steward.platform.validation.InvalidInputException.Problem;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.BiPredicate;

/** The rules an incident's facts must keep, each broken rule named with its field and a message a user understands. */
final class IncidentRules {

    /** Clocks of different machines drift: a minute into the future is still "now". */
    private static final Duration CLOCK_SKEW = Duration.ofMinutes(1);

    private IncidentRules() {
    }

    /** @param catalogued whether a (kind, code) exists in the privacy catalogue */
    static List<Problem> check(IncidentForm f, Instant now, BiPredicate<CatalogKind, String> catalogued) {
        List<Problem> problems = new ArrayList<>();
        if (f.getTitle() == null || f.getTitle().isBlank()) {
            problems.add(new Problem("title", "A title is required"));
        } else if (f.getTitle().length() > 200) {
            problems.add(new Problem("title", "The title is longer than 200 characters"));
        }
        required(problems, "type", f.getType(), "Choose the type of incident");
        required(problems, "source", f.getSource(), "Choose where the report came from");
        required(problems, "ourRole", f.getOurRole(), "Say whether we are controller or processor for this data");
        required(problems, "discoveredAt", f.getDiscoveredAt(), "The discovery time is required");
        Instant latest = now.plus(CLOCK_SKEW);
        notFuture(problems, "occurredFrom", "The occurrence", f.getOccurredFrom(), latest);
        notFuture(problems, "occurredTo", "The end of the occurrence", f.getOccurredTo(), latest);
        notFuture(problems, "discoveredAt", "The discovery", f.getDiscoveredAt(), latest);
        notFuture(problems, "awareAt", "Awareness", f.getAwareAt(), latest);
        notFuture(problems, "determinedAt", "The determination", f.getDeterminedAt(), latest);
        notFuture(problems, "containedAt", "Containment", f.getContainedAt(), latest);
        order(problems, "occurredTo", f.getOccurredFrom(), f.getOccurredTo(), "The occurrence cannot end before it starts");
        order(problems, "discoveredAt", f.getOccurredFrom(), f.getDiscoveredAt(), "Discovery cannot be before the incident occurred");
        order(problems, "awareAt", f.getDiscoveredAt(), f.getAwareAt(), "Awareness cannot be before discovery");
        order(problems, "determinedAt", f.getDiscoveredAt(), f.getDeterminedAt(), "The determination cannot be before discovery");
        order(problems, "containedAt", f.getOccurredFrom(), f.getContainedAt(), "Containment cannot be before the incident occurred");
        if (f.getIndividuals() != null && f.getIndividuals() < 0) {
            problems.add(new Problem("individuals", "The number of individuals cannot be negative"));
        }
        if (f.getRecords() != null && f.getRecords() < 0) {
            problems.add(new Problem("records", "The number of records cannot be negative"));
        }
        if (f.isKeyCompromised() && !f.isEncrypted()) {
            problems.add(new Problem("keyCompromised", "A key can only be compromised when the data was encrypted"));
        }
        catalogued(problems, "dataCategories", CatalogKind.DATA_CATEGORY, f.getDataCategories(), catalogued);
        catalogued(problems, "subjectTypes", CatalogKind.SUBJECT_TYPE, f.getSubjectTypes(), catalogued);
        for (Map.Entry<String, Integer> e : f.getResidents().entrySet()) {
            if (!catalogued.test(CatalogKind.JURISDICTION, e.getKey())) {
                problems.add(new Problem("residents", "Unknown jurisdiction " + e.getKey()));
            } else if (e.getValue() == null || e.getValue() < 0) {
                problems.add(new Problem("residents", "The count for " + e.getKey() + " must be zero or more"));
            }
        }
        return problems;
    }

    private static void required(List<Problem> problems, String field, Object value, String message) {
        if (value == null) {
            problems.add(new Problem(field, message));
        }
    }

    private static void notFuture(List<Problem> problems, String field, String what, Instant value, Instant latest) {
        if (value != null && value.isAfter(latest)) {
            problems.add(new Problem(field, what + " cannot be in the future"));
        }
    }

    private static void order(List<Problem> problems, String field, Instant earlier, Instant later, String message) {
        if (earlier != null && later != null && later.isBefore(earlier)) {
            problems.add(new Problem(field, message));
        }
    }

    private static void catalogued(List<Problem> problems, String field, CatalogKind kind, Set<String> codes,
                                   BiPredicate<CatalogKind, String> catalogued) {
        codes.stream().filter(code -> !catalogued.test(kind, code)).sorted()
                .forEach(code -> problems.add(new Problem(field, "Unknown " + kind.label().toLowerCase() + " entry " + code)));
    }
}
