package dev.steward.incidents.intake;

import dev.steward.incidents.IncidentForm;
import dev.steward.incidents.IncidentSource;
import dev.steward.incidents.IncidentType;
import dev.steward.incidents.OurRole;
import dev.steward.platform.validation.InvalidInputException.Problem;
import tools.jackson.databind.JsonNode;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import java.util.stream.Collectors;

/**
 * Reads an intake request's JSON onto an incident's facts, field by field: only the fields present change (so an
 * update may send just what it knows), and every field that cannot be read is named with the reason.
 */
final class IntakeFields {

    /** Fields that choose the incident rather than describe it. */
    static final Set<String> SELECTORS = Set.of("reference", "externalRef");

    private final JsonNode body;
    private final List<Problem> problems = new ArrayList<>();

    private IntakeFields(JsonNode body) {
        this.body = body;
    }

    /** Applies the body's fields to {@code form}; returns the problems (empty when everything was read). */
    static List<Problem> apply(JsonNode body, IncidentForm form) {
        IntakeFields fields = new IntakeFields(body);
        fields.read(form);
        return fields.problems;
    }

    private void read(IncidentForm f) {
        Set<String> known = new LinkedHashSet<>(SELECTORS);
        text(known, "title", f::setTitle);
        text(known, "description", f::setDescription);
        choice(known, "type", IncidentType.class, f::setType);
        choice(known, "source", IncidentSource.class, f::setSource);
        choice(known, "ourRole", OurRole.class, f::setOurRole);
        text(known, "reporter", f::setReporter);
        text(known, "assignee", f::setAssignee);
        texts(known, "responders", v -> f.setResponders(List.copyOf(v)));
        instant(known, "occurredFrom", f::setOccurredFrom);
        instant(known, "occurredTo", f::setOccurredTo);
        instant(known, "discoveredAt", f::setDiscoveredAt);
        instant(known, "awareAt", f::setAwareAt);
        instant(known, "determinedAt", f::setDeterminedAt);
        instant(known, "containedAt", f::setContainedAt);
        bool(known, "confidentiality", f::setConfidentiality);
        bool(known, "integrity", f::setIntegrity);
        bool(known, "availability", f::setAvailability);
        text(known, "systemsAffected", f::setSystemsAffected);
        texts(known, "dataCategories", f::setDataCategories);
        texts(known, "subjectTypes", f::setSubjectTypes);
        integer(known, "individuals", v -> f.setIndividuals(v == null ? null : v.intValue()), Integer.MAX_VALUE);
        integer(known, "records", f::setRecords, Long.MAX_VALUE);
        residents(known, f);
        bool(known, "phi", f::setPhi);
        bool(known, "encrypted", f::setEncrypted);
        bool(known, "keyCompromised", f::setKeyCompromised);
        text(known, "consequences", f::setConsequences);
        text(known, "measuresTaken", f::setMeasuresTaken);
        text(known, "measuresProposed", f::setMeasuresProposed);
        body.propertyNames().stream().filter(name -> !known.contains(name)).sorted()
                .forEach(name -> problems.add(new Problem(name, "Unknown field " + name)));
    }

    private boolean present(Set<String> known, String name) {
        known.add(name);
        return body.has(name);
    }

    private void text(Set<String> known, String name, Consumer<String> set) {
        if (present(known, name)) {
            JsonNode v = body.get(name);
            if (v.isNull()) {
                set.accept(null);
            } else if (v.isString()) {
                set.accept(v.stringValue());
            } else {
                problems.add(new Problem(name, name + " must be a string"));
            }
        }
    }

    private <E extends Enum<E>> void choice(Set<String> known, String name, Class<E> type, Consumer<E> set) {
        if (present(known, name)) {
            JsonNode v = body.get(name);
            String allowed = Arrays.stream(type.getEnumConstants()).map(Enum::name).collect(Collectors.joining(", "));
            if (!v.isString()) {
                problems.add(new Problem(name, name + " must be one of " + allowed));
                return;
            }
            try {
                set.accept(Enum.valueOf(type, v.stringValue()));
            } catch (IllegalArgumentException e) {
                problems.add(new Problem(name, name + " must be one of " + allowed + " (got " + v.stringValue() + ")"));
            }
        }
    }

    private void instant(Set<String> known, String name, Consumer<Instant> set) {
        if (present(known, name)) {
            JsonNode v = body.get(name);
            if (v.isNull()) {
                set.accept(null);
                return;
            }
            try {
                set.accept(Instant.parse(v.asString()));
            } catch (DateTimeParseException e) {
                problems.add(new Problem(name, name + " must be an ISO-8601 instant such as 2026-03-28T10:00:00Z"));
            }
        }
    }

    private void bool(Set<String> known, String name, Consumer<Boolean> set) {
        if (present(known, name)) {
            JsonNode v = body.get(name);
            if (v.isBoolean()) {
                set.accept(v.booleanValue());
            } else {
                problems.add(new Problem(name, name + " must be true or false"));
            }
        }
    }

    private void integer(Set<String> known, String name, Consumer<Long> set, long max) {
        if (present(known, name)) {
            JsonNode v = body.get(name);
            if (v.isNull()) {
                set.accept(null);
            } else if (v.isIntegralNumber() && v.canConvertToLong() && v.longValue() >= 0 && v.longValue() <= max) {
                set.accept(v.longValue());
            } else {
                problems.add(new Problem(name, name + " must be a whole number from 0 to " + max));
            }
        }
    }

    private void texts(Set<String> known, String name, Consumer<Set<String>> set) {
        if (present(known, name)) {
            JsonNode v = body.get(name);
            if (!v.isArray()) {
                problems.add(new Problem(name, name + " must be an array of strings"));
                return;
            }
            Set<String> values = new LinkedHashSet<>();
            for (JsonNode item : v) {
                if (!item.isString()) {
                    problems.add(new Problem(name, name + " must be an array of strings"));
                    return;
                }
                values.add(item.stringValue());
            }
            set.accept(values);
        }
    }

    private void residents(Set<String> known, IncidentForm f) {
        if (present(known, "residents")) {
            JsonNode v = body.get("residents");
            if (!v.isObject()) {
                problems.add(new Problem("residents", "residents must be an object of jurisdiction code to number of individuals"));
                return;
            }
            Map<String, Integer> counts = new LinkedHashMap<>();
            for (Map.Entry<String, JsonNode> e : v.properties()) {
                if (e.getValue().isIntegralNumber() && e.getValue().canConvertToInt() && e.getValue().intValue() >= 0) {
                    counts.put(e.getKey(), e.getValue().intValue());
                } else {
                    problems.add(new Problem("residents." + e.getKey(), "residents." + e.getKey() + " must be a whole number, zero or more"));
                }
            }
            f.setResidents(counts);
        }
    }
}
