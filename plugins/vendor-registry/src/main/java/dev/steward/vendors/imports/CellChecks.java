package dev.steward.vendors.imports;

import dev.steward.platform.validation.InvalidInputException;
import dev.steward.platform.validation.InvalidInputException.Problem;
import dev.steward.vendors.Countries;
import dev.steward.vendors.processing.Purpose;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

/** Checks of single cells of a vendor CSV; each failure is added to the file's problems with its line and column. */
final class CellChecks {

    private final VendorCsvReader.Lookups lookups;
    private final List<Problem> problems;

    CellChecks(VendorCsvReader.Lookups lookups, List<Problem> problems) {
        this.lookups = lookups;
        this.problems = problems;
    }

    Set<String> codes(long line, String column, String kind, String value, String what) {
        Set<String> codes = split(value);
        if (codes.isEmpty()) {
            problems.add(new Problem(line, column, "Empty; give at least one " + what + " code of the privacy catalogue"));
        }
        List<String> unknown = codes.stream().filter(c -> !lookups.catalogued(kind, c)).toList();
        if (!unknown.isEmpty()) {
            problems.add(new Problem(line, column, "Unknown " + what + ": " + String.join(", ", unknown)));
        }
        return codes;
    }

    List<Purpose> purposes(long line, String value) {
        List<Purpose> purposes = new ArrayList<>();
        for (String pair : split(value)) {
            String[] parts = pair.split(":", 2);
            if (parts.length != 2 || parts[0].isBlank() || parts[1].isBlank()) {
                problems.add(new Problem(line, "purposes", "'" + pair + "' is not purpose:legal_basis"));
            } else if (!lookups.catalogued("PURPOSE", parts[0].strip())) {
                problems.add(new Problem(line, "purposes", "Unknown purpose: " + parts[0].strip()));
            } else if (!lookups.catalogued("LEGAL_BASIS", parts[1].strip())) {
                problems.add(new Problem(line, "purposes", "Unknown legal basis: " + parts[1].strip()));
            } else {
                purposes.add(new Purpose(parts[0].strip(), parts[1].strip()));
            }
        }
        if (value.isBlank()) {
            problems.add(new Problem(line, "purposes", "Empty; give purpose:legal_basis pairs, e.g. billing:contract"));
        }
        return purposes;
    }

    Set<String> countries(long line, String column, String value) {
        Set<String> codes = new TreeSet<>();
        for (String code : split(value)) {
            String checked = check(line, column, () -> Countries.require(column, code));
            if (checked != null) {
                codes.add(checked);
            }
        }
        return codes;
    }

    <E extends Enum<E>> E choice(long line, String column, String value, Class<E> type, E fallback) {
        if (value.isBlank()) {
            return fallback;
        }
        String normalised = value.strip().toUpperCase(Locale.ROOT).replace(' ', '_').replace('-', '_');
        try {
            return Enum.valueOf(type, normalised);
        } catch (IllegalArgumentException e) {
            problems.add(new Problem(line, column, "'" + value + "' is not one of " + Arrays.stream(type.getEnumConstants())
                    .map(c -> c.name().toLowerCase(Locale.ROOT)).collect(Collectors.joining(", "))));
            return null;
        }
    }

    LocalDate date(long line, String column, String value) {
        if (value.isBlank()) {
            return null;
        }
        try {
            return LocalDate.parse(value.strip());
        } catch (DateTimeParseException e) {
            problems.add(new Problem(line, column, "'" + value + "' is not a date (YYYY-MM-DD)"));
            return null;
        }
    }

    String check(long line, String column, java.util.function.Supplier<String> check) {
        try {
            return check.get();
        } catch (InvalidInputException e) {
            e.problems().forEach(p -> problems.add(new Problem(line, column, p.message())));
            return null;
        }
    }

    static Set<String> split(String value) {
        return Arrays.stream(value.split(";")).map(String::strip).filter(s -> !s.isEmpty()).collect(Collectors.toCollection(LinkedHashSet::new));
    }
}
