package dev.steward.reviews.imports;

import dev.steward.platform.export.SafeCsv;
import dev.steward.platform.validation.InvalidInputException;
import dev.steward.platform.validation.InvalidInputException.Problem;

import java.io.IOException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;

/** Reads an access CSV (UTF-8, RFC 4180, a header row) and hands its checked rows on. */
final class AccessCsv {

    private static final String NOT_UTF8 = "The file is not UTF-8 text; save it as UTF-8 (CSV UTF-8) and try again";

    private AccessCsv() {
    }

    /** Where a file's text comes from: bytes in memory, or an uploaded file (memory-mapped). */
    @FunctionalInterface
    interface Source {
        CsvCursor open() throws IOException;

        static Source of(byte[] file) {
            return () -> CsvCursor.of(file);
        }

        static Source of(java.nio.file.Path file) {
            return () -> CsvCursor.of(file);
        }
    }

    static List<String> header(Source file) {
        try {
            CsvCursor csv = file.open();
            return csv.next() ? names(csv) : List.of();
        } catch (CsvCursor.NotUtf8Exception e) {
            throw new InvalidInputException(List.of(new Problem(e.line(), null, NOT_UTF8)));
        } catch (IOException e) {
            throw new InvalidInputException(List.of(new Problem(0, null, "The uploaded file could not be read: " + e.getMessage())));
        } catch (CsvCursor.MalformedCsvException e) {
            throw new InvalidInputException(List.of(new Problem(1, null, "The header cannot be read as CSV: " + e.getMessage())));
        }
    }

    private static List<String> names(CsvCursor csv) {
        List<String> names = new ArrayList<>(csv.size());
        for (int i = 0; i < csv.size(); i++) {
            names.add(csv.field(i));
        }
        return names;
    }

    /** Why the header cannot name the columns, or null. */
    private static String headerProblem(List<String> header) {
        java.util.Set<String> seen = new java.util.HashSet<>();
        for (int i = 0; i < header.size(); i++) {
            if (header.get(i).isBlank()) {
                return "column " + (i + 1) + " has no name";
            }
            if (!seen.add(header.get(i))) {
                return "the column name " + header.get(i) + " appears twice";
            }
        }
        return null;
    }

    /** Reads the file's rows into {@code rows}, which checks and writes them; the problems are left there. */
    static void read(Source file, ImportFormat format, ImportRows rows, long maxRows, AccessImport.Progress progress) throws IOException {
        ColumnMapping mapping = format.mapping();
        CsvCursor csv;
        try {
            csv = file.open();
        } catch (CsvCursor.NotUtf8Exception e) {
            rows.problem(new Problem(e.line(), null, NOT_UTF8)); // the same line as when the header was read at upload
            return;
        }
        long read = 0;
        try {
            if (!csv.next()) {
                rows.problem(new Problem(0, null, "The file is empty"));
                return;
            }
            List<String> header = names(csv);
            String headerProblem = headerProblem(header);
            if (headerProblem != null) {
                rows.problem(new Problem(1, null, "The header cannot be used: " + headerProblem));
                return;
            }
            if (format.preset() == AccessPreset.AWS_CREDENTIAL_REPORT) {
                read = CredentialReport.read(csv, header, rows, maxRows, progress);
                return;
            }
            List<String> mappingProblems = mapping.problems(header);
            if (!mappingProblems.isEmpty()) {
                mappingProblems.forEach(problem -> rows.problem(new Problem(1, null, problem)));
                return;
            }
            RowReader reader = new RowReader(format, header);
            while (csv.next()) {
                read++;
                long line = csv.line(); // the file's line: the header is line 1, empty lines and quoted line breaks count
                if (!counted(read, line, maxRows, rows, progress)) {
                    break;
                }
                reader.read(csv, line, rows);
                if (rows.full()) {
                    break;
                }
            }
        } catch (CsvCursor.MalformedCsvException e) {
            rows.problem(new Problem(csv.line(), null, "The file cannot be read as CSV: " + e.getMessage()));
        } finally {
            if (read == 0 && rows.problems().isEmpty()) {
                rows.problem(new Problem(0, null, "The file has a header but no rows"));
            }
            progress.rowsRead().accept(read);
        }
    }

    /** Counts a record read, stops at the limit, reports progress every 10,000 and honours a cancel; false past the limit. */
    static boolean counted(long read, long line, long maxRows, ImportRows rows, AccessImport.Progress progress) {
        if (read > maxRows) {
            rows.problem(new Problem(line, null, "The file has more than " + maxRows + " rows; split it"));
            return false;
        }
        if (read % 10_000 == 0) {
            progress.rowsRead().accept(read);
            if (progress.cancelled().getAsBoolean()) {
                throw new AccessImport.Cancelled();
            }
        }
        return true;
    }

    /** Checks one record's mapped fields (columns resolved once from the header) and hands it on when they are valid. */
    private static final class RowReader {
        private final ColumnMapping m;
        private final AccessPreset preset;
        private final int columns;
        private final int account;
        private final int entitlement;
        private final int employeeId;
        private final int email;
        private final int displayName;
        private final int lastLogin;
        private final int grantedVia;
        private final int status;
        private final java.util.Set<String> seenEntitlements = new java.util.HashSet<>();
        /** Each column's value on the row before, handed back when a row repeats it (see CsvCursor#stripped). */
        private final String[] previous;
        private String previousLogin;
        private Instant previousInstant;

        RowReader(ImportFormat format, List<String> header) {
            this.m = format.mapping();
            this.preset = format.preset();
            this.columns = header.size();
            this.previous = new String[header.size()];
            this.account = header.indexOf(m.account());
            this.entitlement = header.indexOf(m.entitlement());
            this.employeeId = m.employeeId() == null ? -1 : header.indexOf(m.employeeId());
            this.email = m.email() == null ? -1 : header.indexOf(m.email());
            this.displayName = m.displayName() == null ? -1 : header.indexOf(m.displayName());
            this.lastLogin = m.lastLogin() == null ? -1 : header.indexOf(m.lastLogin());
            this.grantedVia = m.grantedVia() == null ? -1 : header.indexOf(m.grantedVia());
            this.status = m.status() == null ? -1 : header.indexOf(m.status());
        }

        void read(CsvCursor record, long line, ImportRows rows) throws IOException {
            if (record.size() != columns) {
                rows.problem(new Problem(line, null, "Expected " + columns + " columns, found " + record.size()));
                return;
            }
            List<Problem> problems = new ArrayList<>(0);
            String accountName = value(record, account, m.account(), true, line, 200, problems);
            String entitlementName = value(record, entitlement, m.entitlement(), true, line, 300, problems);
            String employee = value(record, employeeId, m.employeeId(), false, line, 50, problems);
            String mail = value(record, email, m.email(), false, line, 254, problems);
            String name = value(record, displayName, m.displayName(), false, line, 200, problems);
            String login = value(record, lastLogin, m.lastLogin(), false, line, 40, problems);
            String via = value(record, grantedVia, m.grantedVia(), false, line, 300, problems);
            String state = value(record, status, m.status(), false, line, 40, problems);
            Boolean disabled = state == null ? Boolean.FALSE : SourceValues.disabled(state);
            if (disabled == null) {
                problems.add(new Problem(line, m.status(), "Unknown account status " + state + " (known: "
                        + String.join(", ", SourceValues.STATUS_WORDS) + ")"));
            }
            Instant loginInstant = null;
            if (login != null) {
                // rows of one account repeat its last login: parse each distinct text once
                loginInstant = login.equals(previousLogin) ? previousInstant : instant(login);
                previousLogin = login;
                previousInstant = loginInstant;
                if (loginInstant == null) {
                    problems.add(new Problem(line, m.lastLogin(), "Not a date or time: " + login
                            + " (use 2026-01-31 or 2026-01-31T09:00:00Z)"));
                }
            }
            if (problems.isEmpty()) {
                if (preset.marksPrivileged() && seenEntitlements.add(entitlementName) && preset.privilegedByDefault(entitlementName)) {
                    rows.privileged(entitlementName);
                }
                rows.add(line, accountName, entitlementName, employee, mail, name, loginInstant, disabled, via, null);
            } else {
                problems.forEach(rows::problem);
            }
        }

        private String value(CsvCursor record, int index, String column, boolean required, long line, int max,
                             List<Problem> problems) {
            if (index < 0) {
                return null;
            }
            String stripped = record.stripped(index, previous[index]);
            previous[index] = stripped;
            String value = SafeCsv.restore(stripped); // the export's formula escape, undone
            if (value.length() > max) {
                problems.add(new Problem(line, column, "Longer than " + max + " characters"));
                return null;
            }
            if (value.isEmpty()) {
                if (required) {
                    problems.add(new Problem(line, column, "Empty; every row needs a value here"));
                }
                return null;
            }
            // an optional value the source could not give (N/A, no_information, never, ...) is unknown, not an error
            return !required && SourceValues.unknown(value) ? null : value;
        }
    }

    /** An ISO date, local date-time (UTC) or instant; null when the text is none of them. Chosen by shape, not by trial. */
    static Instant instant(String text) {
        try {
            if (text.length() == 10) {
                return LocalDate.parse(text).atStartOfDay(ZoneOffset.UTC).toInstant();
            }
            int time = text.indexOf('T');
            boolean zoned = time > 0 && (text.endsWith("Z") || text.indexOf('+', time) > 0 || text.indexOf('-', time) > 0);
            return zoned ? OffsetDateTime.parse(text).toInstant() : LocalDateTime.parse(text).toInstant(ZoneOffset.UTC);
        } catch (DateTimeParseException e) {
            return null;
        }
    }
}
