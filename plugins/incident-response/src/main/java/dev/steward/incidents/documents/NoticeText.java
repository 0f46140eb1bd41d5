package dev.steward.incidents.documents;

import dev.steward.incidents.Incident;
import dev.steward.incidents.IncidentForm;
import dev.steward.incidents.obligations.Obligation;

import java.text.NumberFormat;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/** Fills a notice template from an incident's facts and says which required items are still unknown. */
final class NoticeText {

    static final String UNKNOWN = "[not yet known]";
    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("d MMMM yyyy, HH:mm 'UTC'", Locale.ENGLISH)
            .withZone(ZoneOffset.UTC);

    static final List<String> PLACEHOLDERS = List.of("reference", "title", "title_lower", "description", "type", "nature",
            "occurred", "discovered", "aware", "contained", "data_categories", "subject_types", "individuals", "records",
            "residents", "consequences", "measures_taken", "measures_proposed", "late_reasons");

    /** What the authority's notice must contain (GDPR Art. 33(3)), by placeholder. */
    private static final Map<String, String> REQUIRED = Map.of("description", "the nature of the breach",
            "data_categories", "the categories of personal data", "subject_types", "the categories of data subjects",
            "individuals", "the approximate number of data subjects", "records", "the approximate number of records",
            "consequences", "the likely consequences", "measures_taken", "the measures taken");

    record Draft(String text, List<String> missing) {
    }

    private NoticeText() {
    }

    static Draft fill(String template, Incident incident, Obligation obligation, Function<String, String> categoryName,
                      Function<String, String> subjectName, Instant now) {
        Map<String, String> values = values(incident, obligation, categoryName, subjectName, now);
        String text = template;
        for (Map.Entry<String, String> e : values.entrySet()) {
            text = text.replace("{{" + e.getKey() + "}}", e.getValue());
        }
        List<String> missing = new ArrayList<>();
        REQUIRED.forEach((placeholder, item) -> {
            if (template.contains("{{" + placeholder + "}}") && UNKNOWN.equals(values.get(placeholder))) {
                missing.add(item);
            }
        });
        missing.sort(null);
        return new Draft(text, missing);
    }

    private static Map<String, String> values(Incident incident, Obligation obligation, Function<String, String> categoryName,
                                              Function<String, String> subjectName, Instant now) {
        IncidentForm f = incident.facts();
        Map<String, String> v = new LinkedHashMap<>();
        v.put("reference", incident.reference());
        v.put("title_lower", f.getTitle().substring(0, 1).toLowerCase(Locale.ROOT) + f.getTitle().substring(1));
        v.put("title", f.getTitle());
        v.put("description", known(f.getDescription()));
        v.put("type", f.getType().label().toLowerCase(Locale.ROOT));
        List<String> nature = new ArrayList<>();
        if (f.isConfidentiality()) {
            nature.add("confidentiality");
        }
        if (f.isIntegrity()) {
            nature.add("integrity");
        }
        if (f.isAvailability()) {
            nature.add("availability");
        }
        v.put("nature", nature.isEmpty() ? UNKNOWN : String.join(", ", nature));
        v.put("occurred", f.getOccurredFrom() == null ? "unknown" : when(f.getOccurredFrom())
                + (f.getOccurredTo() == null ? "" : " to " + when(f.getOccurredTo())));
        v.put("discovered", when(f.getDiscoveredAt()));
        v.put("aware", f.getAwareAt() == null ? UNKNOWN : when(f.getAwareAt()));
        v.put("contained", f.getContainedAt() == null ? "not yet" : when(f.getContainedAt()));
        v.put("data_categories", list(f.getDataCategories().stream().map(categoryName).sorted().toList()));
        v.put("subject_types", list(f.getSubjectTypes().stream().map(subjectName).sorted().toList()));
        v.put("individuals", f.getIndividuals() == null ? UNKNOWN : number(f.getIndividuals()));
        v.put("records", f.getRecords() == null ? UNKNOWN : number(f.getRecords()));
        v.put("residents", f.getResidents().isEmpty() ? UNKNOWN : f.getResidents().entrySet().stream()
                .map(e -> e.getKey() + " " + number(e.getValue())).collect(Collectors.joining(", ")));
        v.put("consequences", known(f.getConsequences()));
        v.put("measures_taken", known(f.getMeasuresTaken()));
        v.put("measures_proposed", known(f.getMeasuresProposed()));
        boolean late = obligation.due() != null && obligation.due().isBefore(now);
        v.put("late_reasons", late ? "Reasons for notifying after " + when(obligation.due()) + ": [state the reasons for the delay]\n\n" : "");
        return v;
    }

    private static String when(Instant instant) {
        return WHEN.format(instant);
    }

    private static String number(long n) {
        return NumberFormat.getIntegerInstance(Locale.ENGLISH).format(n);
    }

    private static String known(String text) {
        return text == null || text.isBlank() ? UNKNOWN : text.strip();
    }

    private static String list(List<String> items) {
        return items.isEmpty() ? UNKNOWN : String.join(", ", items);
    }
}
