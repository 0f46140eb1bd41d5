package dev.steward.platform.people;

import dev.steward.platform.export.MissingValues;
import dev.steward.platform.export.SafeCsv;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.apache.commons.csv.DuplicateHeaderMode;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.BooleanSupplier;
import java.util.function.IntConsumer;

import dev.steward.platform.people.PeopleColumnMapping.Field;

import static dev.steward.platform.people.PeopleCsvFormat.*;

/**
 * Reads a people CSV into valid rows and per-row errors (line, column, reason), checking what one file can check
 * on its own: columns, required values, formats, dates, duplicates within the file. The database checks (managers,
 * cycles) come after, in {@link PeopleImport}.
 */
final class PeopleCsvReader {

    record Result(List<ImportRow> rows, List<RowError> errors, int lines) {
    }

    static final int MAX_ERRORS = 500;

    private PeopleCsvReader() {
    }

    /** The header line's column names; empty for an empty file. */
    static List<String> header(Reader text) throws IOException {
        CSVFormat format = CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).setIgnoreEmptyLines(true)
                .setAllowMissingColumnNames(true).setDuplicateHeaderMode(DuplicateHeaderMode.ALLOW_ALL).get();
        try (CSVParser parser = CSVParser.parse(text, format)) {
            return parser.getHeaderNames();
        } catch (UncheckedIOException | IllegalArgumentException | IllegalStateException e) {
            throw new IOException("The header line is not valid CSV: " + e.getMessage(), e);
        }
    }

    /** Reads a file in Steward's own format: exactly its columns (any order), ISO dates, Steward's status words. */
    static Result read(Reader text, int maxRows, IntConsumer progress, BooleanSupplier cancelled) {
        return read(text, null, maxRows, progress, cancelled);
    }

    /**
     * Reads the text as it streams in; a file that is not strict UTF-8 was refused before ({@link Utf8Text#scan}).
     * With a mapping, the file's columns are read as it says and columns it does not name are ignored; without one,
     * the file must be in Steward's own format.
     */
    static Result read(Reader text, PeopleColumnMapping mapping, int maxRows, IntConsumer progress, BooleanSupplier cancelled) {
        List<RowError> errors = new ArrayList<>();
        List<ImportRow> rows = new ArrayList<>();
        // empty lines are read (and skipped below), not ignored by the parser: ignored, they would not count as lines
        CSVFormat format = CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true)
                .setIgnoreEmptyLines(false).setDuplicateHeaderMode(DuplicateHeaderMode.DISALLOW).get();
        try (CSVParser parser = CSVParser.parse(text, format)) {
            Layout layout = mapping == null ? strictLayout(parser.getHeaderNames(), errors)
                    : mappedLayout(mapping, parser.getHeaderNames(), errors);
            if (!errors.isEmpty()) {
                return new Result(rows, errors, 0);
            }
            Map<String, Integer> firstLineOf = new HashMap<>();
            long lineBefore = parser.getCurrentLineNumber();
            int count = 0;
            for (CSVRecord record : parser) {
                int line = (int) lineBefore + 1;
                lineBefore = parser.getCurrentLineNumber();
                if (record.size() == 1 && record.get(0).isEmpty() || !layout.strict() && blank(record)) {
                    continue; // an empty line; exports end with rows of empty cells
                }
                if (++count > maxRows) {
                    errors.clear();
                    rows.clear();
                    errors.add(RowError.file("The file has more than " + maxRows + " people; the limit is " + maxRows
                            + " per import (steward.people.import.max-rows). Split the file."));
                    return new Result(rows, errors, count);
                }
                if (cancelled.getAsBoolean()) {
                    throw new ImportCancelledException();
                }
                ImportRow row = row(record, line, layout, parser.getHeaderNames().size(), errors);
                if (row != null) {
                    Integer first = firstLineOf.putIfAbsent(row.employeeId(), line);
                    if (first != null) {
                        errors.add(new RowError(line, layout.errorColumn(Field.EMPLOYEE_ID), "Employee id " + row.employeeId() + " also appears on line " + first));
                    } else {
                        rows.add(row);
                    }
                }
                if (errors.size() >= MAX_ERRORS) {
                    errors.add(RowError.file("Stopped after " + MAX_ERRORS + " errors; fix these and try again"));
                    return new Result(rows, errors, count);
                }
                if (count % 1000 == 0) {
                    progress.accept(count);
                }
            }
            if (count == 0) {
                errors.add(RowError.file("The file has a header line but no people"));
            }
            progress.accept(count);
            return new Result(rows, errors, count);
        } catch (IOException | UncheckedIOException | IllegalArgumentException | IllegalStateException e) {
            errors.add(RowError.file("The file is not valid CSV: " + e.getMessage()));
            return new Result(List.of(), errors, 0);
        }
    }

    /**
     * Where each field is read from: {@code headers} maps a field to the file's header name; errors name Steward's
     * column in the strict format and the file's column with a mapping.
     */
    private record Layout(PeopleColumnMapping mapping, Map<Field, String> headers, boolean strict) {

        String errorColumn(Field field) {
            return strict ? HrPreset.GENERIC.column(field) : mapping.column(field);
        }
    }

    /** Maps each expected column to the header name used in the file; reports missing and unknown columns. */
    private static Layout strictLayout(List<String> header, List<RowError> errors) {
        Map<String, String> byColumn = new HashMap<>();
        Set<String> unknown = new LinkedHashSet<>();
        for (String name : header) {
            String normalised = name.trim().toLowerCase(Locale.ROOT).replace(' ', '_');
            if (COLUMNS.contains(normalised)) {
                byColumn.put(normalised, name);
            } else {
                unknown.add(name);
            }
        }
        for (String column : COLUMNS) {
            if (!byColumn.containsKey(column)) {
                errors.add(new RowError(1, column, "Column '" + column + "' is missing; the header must have " + String.join(", ", COLUMNS)));
            }
        }
        for (String name : unknown) {
            errors.add(new RowError(1, name, "Unknown column '" + name + "'; expected only " + String.join(", ", COLUMNS)));
        }
        Map<Field, String> headers = new EnumMap<>(Field.class);
        HrPreset.GENERIC.columns().forEach((field, column) -> headers.put(field, byColumn.get(column)));
        return new Layout(PeopleColumnMapping.of(HrPreset.GENERIC, HrPreset.GENERIC.columns(), HrDateFormat.ISO), headers, true);
    }

    /** The mapping's columns as the header spells them (surrounding spaces aside); columns it does not map are ignored. */
    private static Layout mappedLayout(PeopleColumnMapping mapping, List<String> header, List<RowError> errors) {
        errors.addAll(mapping.problems(header));
        Map<String, String> byName = new HashMap<>();
        header.forEach(h -> byName.putIfAbsent(h.strip(), h));
        Map<Field, String> headers = new EnumMap<>(Field.class);
        mapping.columns().forEach((field, column) -> headers.put(field, byName.get(column.strip())));
        return new Layout(mapping, headers, false);
    }

    private static ImportRow row(CSVRecord record, int line, Layout layout, int columns, List<RowError> errors) {
        if (layout.strict() ? !record.isConsistent() : record.size() > columns) {
            errors.add(new RowError(line, null, "Has " + record.size() + " values; the header has " + columns));
            return null;
        }
        int before = errors.size();
        String employeeId = value(record, layout, Field.EMPLOYEE_ID);
        check(errors, line, layout.errorColumn(Field.EMPLOYEE_ID), PersonRules.employeeId(employeeId));
        String fullName = fullName(record, layout);
        check(errors, line, nameColumn(layout), PersonRules.fullName(fullName));
        String email = value(record, layout, Field.EMAIL);
        check(errors, line, layout.errorColumn(Field.EMAIL), PersonRules.email(email));
        LocalDate start = date(record, layout, Field.START_DATE, line, errors);
        LocalDate end = date(record, layout, Field.END_DATE, line, errors);
        EmploymentStatus status = status(record, layout, end, line, errors);
        if (status != null) {
            String column = layout.errorColumn(Field.END_DATE);
            check(errors, line, column != null ? column : layout.errorColumn(Field.STATUS), PersonRules.dates(status, start, end));
        }
        String manager = value(record, layout, Field.MANAGER_ID);
        String managerEmail = manager == null ? value(record, layout, Field.MANAGER_EMAIL) : null;
        if (manager != null && manager.equals(employeeId)) {
            check(errors, line, layout.errorColumn(Field.MANAGER_ID), "A person cannot be their own manager");
        }
        if (managerEmail != null) {
            check(errors, line, layout.errorColumn(Field.MANAGER_EMAIL), PersonRules.email(managerEmail));
        }
        String orgUnit = value(record, layout, Field.ORG_UNIT);
        String orgUnitName = null;
        if (orgUnit != null && !orgUnit.matches(ORG_UNIT_CODE)) {
            check(errors, line, layout.errorColumn(Field.ORG_UNIT), "Org unit code '" + orgUnit + "' may only use letters, digits and . _ - (50 at most)");
        }
        String department = orgUnit == null ? value(record, layout, Field.DEPARTMENT) : null;
        if (department != null) {
            orgUnit = OrgUnitCodes.fromName(department);
            orgUnitName = department;
            if (department.length() > 200) {
                check(errors, line, layout.errorColumn(Field.DEPARTMENT), "Department name is longer than 200 characters");
            } else if (orgUnit.isEmpty()) {
                check(errors, line, layout.errorColumn(Field.DEPARTMENT), "Department '" + department + "' has no letters or digits to make an org unit code from");
            }
        }
        String title = value(record, layout, Field.TITLE);
        if (title != null && title.length() > 200) {
            check(errors, line, layout.errorColumn(Field.TITLE), "Title is longer than 200 characters");
        }
        return errors.size() > before ? null
                : new ImportRow(line, employeeId, fullName, email, title, orgUnit, manager, status, start, end, orgUnitName, managerEmail);
    }

    private static final String ORG_UNIT_CODE = "[A-Za-z0-9][A-Za-z0-9._-]{0,49}";

    /** The full-name column when it has a value, else the preferred (or first) name and the last name. */
    private static String fullName(CSVRecord record, Layout layout) {
        String full = value(record, layout, Field.FULL_NAME);
        if (full != null || layout.strict()) {
            return full;
        }
        String first = value(record, layout, Field.PREFERRED_NAME);
        if (first == null) {
            first = value(record, layout, Field.FIRST_NAME);
        }
        String last = value(record, layout, Field.LAST_NAME);
        return first == null ? last : last == null ? first : first + " " + last;
    }

    private static String nameColumn(Layout layout) {
        String column = layout.errorColumn(Field.FULL_NAME);
        return column != null ? column : layout.errorColumn(Field.LAST_NAME);
    }

    /**
     * Strict: Steward's words. With a mapping: the preset's word table; a file without a status (or an unknown value)
     * is active unless it gives an end date that has passed.
     */
    private static EmploymentStatus status(CSVRecord record, Layout layout, LocalDate end, int line, List<RowError> errors) {
        String statusText = value(record, layout, Field.STATUS);
        if (layout.strict()) {
            EmploymentStatus status = EmploymentStatus.parse(statusText).orElse(null);
            if (status == null) {
                check(errors, line, STATUS, statusText == null ? "Status is required (active, leave or terminated)"
                        : "Unknown status '" + statusText + "'; use active, leave or terminated");
            }
            return status;
        }
        HrPreset preset = layout.mapping().preset();
        if (statusText == null) {
            return end != null && !end.isAfter(LocalDate.now()) ? EmploymentStatus.TERMINATED : EmploymentStatus.ACTIVE;
        }
        return preset.status(statusText).orElseGet(() -> {
            check(errors, line, layout.errorColumn(Field.STATUS), "Status '" + statusText + "' is not in the status table of "
                    + preset.label() + " (" + String.join(", ", preset.statusWords().keySet()) + ")");
            return null;
        });
    }

    private static LocalDate date(CSVRecord record, Layout layout, Field field, int line, List<RowError> errors) {
        String text = value(record, layout, field);
        if (text == null) {
            return null;
        }
        if (layout.strict()) {
            try {
                return LocalDate.parse(text);
            } catch (DateTimeParseException e) {
                check(errors, line, layout.errorColumn(field), "'" + text + "' is not a date; write it as YYYY-MM-DD");
                return null;
            }
        }
        HrDateFormat dates = layout.mapping().dateFormat();
        LocalDate date = dates.parse(text);
        if (date == null) {
            check(errors, line, layout.errorColumn(field), "'" + text + "' is not a date in the format " + dates.label());
        }
        return date;
    }

    /** Values HR exports write for "nothing here": the common ones, and Excel's #N/A. */
    private static final MissingValues UNKNOWN = MissingValues.COMMON.and("#n/a");

    private static String value(CSVRecord record, Layout layout, Field field) {
        String header = layout.headers().get(field);
        if (header == null || (!layout.strict() && !record.isSet(header))) {
            return null;
        }
        String value = record.get(header);
        if (value == null || value.isBlank()) {
            return null;
        }
        // trimmed before the export's formula escape is undone: a value that starts with a tab keeps it
        String trimmed = value.trim();
        if (!layout.strict() && UNKNOWN.missing(trimmed)) {
            return null;
        }
        return SafeCsv.restore(trimmed);
    }

    private static boolean blank(CSVRecord record) {
        for (String value : record) {
            if (value != null && !value.isBlank()) {
                return false;
            }
        }
        return true;
    }

    private static void check(List<RowError> errors, int line, String column, String message) {
        if (message != null) {
            errors.add(new RowError(line, column, message));
        }
    }
}
