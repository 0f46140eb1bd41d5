package dev.steward.platform.people;

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
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.BooleanSupplier;
import java.util.function.IntConsumer;

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

    /** Reads the text as it streams in; a file that is not strict UTF-8 was refused before ({@link Utf8Text#scan}). */
    static Result read(Reader text, int maxRows, IntConsumer progress, BooleanSupplier cancelled) {
        List<RowError> errors = new ArrayList<>();
        List<ImportRow> rows = new ArrayList<>();
        CSVFormat format = CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true)
                .setIgnoreEmptyLines(true).setDuplicateHeaderMode(DuplicateHeaderMode.DISALLOW).get();
        try (CSVParser parser = CSVParser.parse(text, format)) {
            Map<String, String> columns = columns(parser.getHeaderNames(), errors);
            if (!errors.isEmpty()) {
                return new Result(rows, errors, 0);
            }
            Map<String, Integer> firstLineOf = new HashMap<>();
            long lineBefore = parser.getCurrentLineNumber();
            int count = 0;
            for (CSVRecord record : parser) {
                int line = (int) lineBefore + 1;
                lineBefore = parser.getCurrentLineNumber();
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
                ImportRow row = row(record, line, columns, errors);
                if (row != null) {
                    Integer first = firstLineOf.putIfAbsent(row.employeeId(), line);
                    if (first != null) {
                        errors.add(new RowError(line, EMPLOYEE_ID, "Employee id " + row.employeeId() + " also appears on line " + first));
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

    /** Maps each expected column to the header name used in the file; reports missing and unknown columns. */
    private static Map<String, String> columns(List<String> header, List<RowError> errors) {
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
        return byColumn;
    }

    private static ImportRow row(CSVRecord record, int line, Map<String, String> columns, List<RowError> errors) {
        if (!record.isConsistent()) {
            errors.add(new RowError(line, null, "Has " + record.size() + " values; the header has " + columns.size()));
            return null;
        }
        int before = errors.size();
        String employeeId = value(record, columns, EMPLOYEE_ID);
        check(errors, line, EMPLOYEE_ID, PersonRules.employeeId(employeeId));
        String fullName = value(record, columns, FULL_NAME);
        check(errors, line, FULL_NAME, PersonRules.fullName(fullName));
        String email = value(record, columns, EMAIL);
        check(errors, line, EMAIL, PersonRules.email(email));
        String statusText = value(record, columns, STATUS);
        EmploymentStatus status = EmploymentStatus.parse(statusText).orElse(null);
        if (status == null) {
            check(errors, line, STATUS, statusText == null ? "Status is required (active, leave or terminated)"
                    : "Unknown status '" + statusText + "'; use active, leave or terminated");
        }
        LocalDate start = date(record, columns, START_DATE, line, errors);
        LocalDate end = date(record, columns, END_DATE, line, errors);
        if (status != null) {
            check(errors, line, END_DATE, PersonRules.dates(status, start, end));
        }
        String manager = value(record, columns, MANAGER);
        if (manager != null && manager.equals(employeeId)) {
            check(errors, line, MANAGER, "A person cannot be their own manager");
        }
        String orgUnit = value(record, columns, ORG_UNIT);
        if (orgUnit != null && !orgUnit.matches("[A-Za-z0-9][A-Za-z0-9._-]{0,49}")) {
            check(errors, line, ORG_UNIT, "Org unit code '" + orgUnit + "' may only use letters, digits and . _ - (50 at most)");
        }
        String title = value(record, columns, TITLE);
        if (title != null && title.length() > 200) {
            check(errors, line, TITLE, "Title is longer than 200 characters");
        }
        return errors.size() > before ? null
                : new ImportRow(line, employeeId, fullName, email, title, orgUnit, manager, status, start, end);
    }

    private static LocalDate date(CSVRecord record, Map<String, String> columns, String column, int line, List<RowError> errors) {
        String text = value(record, columns, column);
        if (text == null) {
            return null;
        }
        try {
            return LocalDate.parse(text);
        } catch (DateTimeParseException e) {
            check(errors, line, column, "'" + text + "' is not a date; write it as YYYY-MM-DD");
            return null;
        }
    }

    private static String value(CSVRecord record, Map<String, String> columns, String column) {
        String value = record.get(columns.get(column));
        // trimmed before the export's formula escape is undone: a value that starts with a tab keeps it
        return value == null || value.isBlank() ? null : SafeCsv.restore(value.trim());
    }

    private static void check(List<RowError> errors, int line, String column, String message) {
        if (message != null) {
            errors.add(new RowError(line, column, message));
        }
    }
}
