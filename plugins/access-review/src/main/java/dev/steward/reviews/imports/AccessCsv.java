package dev.steward.reviews.imports;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVPrinter;
import org.apache.commons.csv.CSVRecord;
import org.postgresql.PGConnection;
import org.postgresql.copy.PGCopyOutputStream;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;

/** Reads an access CSV (UTF-8, RFC 4180, a header row) and streams its checked rows into the staging table. */
final class AccessCsv {

    static final int MAX_PROBLEMS = 100;

    private AccessCsv() {
    }

    static List<String> header(byte[] file) {
        try (CSVParser parser = parser(new ByteArrayInputStream(file))) {
            return parser.getHeaderNames();
        } catch (IOException | UncheckedIOException e) {
            throw new ImportRejectedException(List.of(new ImportProblem(1, null, readError(e))));
        }
    }

    /** Streams the rows into {@code import_stage}; returns the problems (rows with problems are not staged). */
    static List<ImportProblem> copy(InputStream in, ColumnMapping mapping, PGConnection connection, long maxRows,
                                    AccessImport.Progress progress) throws SQLException, IOException {
        List<ImportProblem> problems = new ArrayList<>();
        long rows = 0;
        try (CSVParser parser = parser(in);
             var copy = new PGCopyOutputStream(connection, "copy import_stage (line, account_name, entitlement, employee_id,"
                     + " email, display_name, last_login) from stdin with (format csv)", 1 << 16);
             var out = new CSVPrinter(new OutputStreamWriter(copy, StandardCharsets.UTF_8), CSVFormat.POSTGRESQL_CSV)) {
            List<String> header = parser.getHeaderNames();
            if (header.isEmpty()) {
                return List.of(new ImportProblem(0, null, "The file is empty"));
            }
            for (String problem : mapping.problems(header)) {
                problems.add(new ImportProblem(1, null, problem));
            }
            if (!problems.isEmpty()) {
                return problems;
            }
            try {
                for (CSVRecord record : parser) {
                    rows++;
                    long line = record.getRecordNumber() + 1;
                    if (rows > maxRows) {
                        problems.add(new ImportProblem(line, null, "The file has more than " + maxRows + " rows; split it"));
                        break;
                    }
                    Object[] row = row(record, line, mapping, problems);
                    if (row != null && problems.isEmpty()) {
                        out.printRecord(row);
                    }
                    if (problems.size() >= MAX_PROBLEMS) {
                        break;
                    }
                    if (rows % 10_000 == 0) {
                        progress.rowsRead().accept(rows);
                        if (progress.cancelled().getAsBoolean()) {
                            throw new AccessImport.Cancelled();
                        }
                    }
                }
            } catch (UncheckedIOException e) {
                problems.add(new ImportProblem(rows + 2, null, readError(e)));
            }
            if (rows == 0 && problems.isEmpty()) {
                problems.add(new ImportProblem(0, null, "The file has a header but no rows"));
            }
            progress.rowsRead().accept(rows);
        } catch (IllegalArgumentException badHeader) {
            problems.add(new ImportProblem(1, null, "The header cannot be used: " + badHeader.getMessage()));
        } catch (CharacterCodingException e) {
            problems.add(new ImportProblem(0, null, "The file is not UTF-8 text; save it as UTF-8 (CSV UTF-8) and try again"));
        }
        return problems;
    }

    private static Object[] row(CSVRecord record, long line, ColumnMapping m, List<ImportProblem> problems) {
        if (!record.isConsistent()) {
            problems.add(new ImportProblem(line, null, "Expected " + record.getParser().getHeaderNames().size()
                    + " columns, found " + record.size()));
            return null;
        }
        int before = problems.size();
        String account = required(record, m.account(), line, 200, problems);
        String entitlement = required(record, m.entitlement(), line, 300, problems);
        String employeeId = optional(record, m.employeeId(), line, 50, problems);
        String email = optional(record, m.email(), line, 254, problems);
        String displayName = optional(record, m.displayName(), line, 200, problems);
        Instant lastLogin = null;
        String login = optional(record, m.lastLogin(), line, 40, problems);
        if (login != null) {
            lastLogin = instant(login);
            if (lastLogin == null) {
                problems.add(new ImportProblem(line, m.lastLogin(), "Not a date or time: " + login + " (use 2026-01-31 or 2026-01-31T09:00:00Z)"));
            }
        }
        return problems.size() > before ? null
                : new Object[]{line, account, entitlement, employeeId, email, displayName, lastLogin == null ? null : lastLogin.toString()};
    }

    private static String required(CSVRecord record, String column, long line, int max, List<ImportProblem> problems) {
        String value = optional(record, column, line, max, problems);
        if (value == null) {
            problems.add(new ImportProblem(line, column, "Empty; every row needs a value here"));
        }
        return value;
    }

    private static String optional(CSVRecord record, String column, long line, int max, List<ImportProblem> problems) {
        if (column == null) {
            return null;
        }
        String value = record.get(column).strip();
        if (value.length() > max) {
            problems.add(new ImportProblem(line, column, "Longer than " + max + " characters"));
            return null;
        }
        return value.isEmpty() ? null : value;
    }

    static Instant instant(String text) {
        try {
            return Instant.parse(text);
        } catch (DateTimeParseException notInstant) {
            try {
                return LocalDateTime.parse(text).toInstant(ZoneOffset.UTC);
            } catch (DateTimeParseException notDateTime) {
                try {
                    return LocalDate.parse(text).atStartOfDay(ZoneOffset.UTC).toInstant();
                } catch (DateTimeParseException notDate) {
                    return null;
                }
            }
        }
    }

    private static CSVParser parser(InputStream in) throws IOException {
        var decoder = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        Reader reader = new InputStreamReader(skipBom(in), decoder);
        return CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).setAllowMissingColumnNames(false)
                .setIgnoreEmptyLines(true).get().parse(reader);
    }

    private static InputStream skipBom(InputStream in) throws IOException {
        var buffered = new java.io.BufferedInputStream(in);
        buffered.mark(3);
        byte[] head = buffered.readNBytes(3);
        if (!(head.length == 3 && (head[0] & 0xFF) == 0xEF && (head[1] & 0xFF) == 0xBB && (head[2] & 0xFF) == 0xBF)) {
            buffered.reset();
        }
        return buffered;
    }

    private static String readError(Exception e) {
        Throwable cause = e instanceof UncheckedIOException u ? u.getCause() : e;
        if (cause instanceof CharacterCodingException) {
            return "The file is not UTF-8 text; save it as UTF-8 (CSV UTF-8) and try again";
        }
        return "The file cannot be read as CSV: " + cause.getMessage();
    }
}
