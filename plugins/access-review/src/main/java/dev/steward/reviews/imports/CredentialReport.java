package dev.steward.reviews.imports;

import dev.steward.platform.export.SafeCsv;
import dev.steward.platform.validation.InvalidInputException.Problem;

import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads an AWS IAM credential report ({@code aws iam get-credential-report}): one row per IAM user and one for the
 * root account, no entitlement column. The entitlements are the kinds of access the report documents: the console
 * password, each active access key, each active signing certificate, and the root account itself (privileged, as are
 * the root's own access keys). The account's last login is the latest use of any of them; {@code N/A},
 * {@code no_information} and {@code not_supported} are unknown.
 */
final class CredentialReport {

    static final String ROOT = "<root_account>";

    /** The columns read; the report has more (rotation dates, regions, services), which are ignored. */
    static final List<String> REQUIRED = List.of("user", "arn", "password_enabled", "password_last_used",
            "access_key_1_active", "access_key_1_last_used_date", "access_key_2_active", "access_key_2_last_used_date",
            "cert_1_active", "cert_2_active");

    /** The report's columns are fixed: the user is the account; nothing else is mapped. */
    static final ColumnMapping MAPPING = new ColumnMapping("user", null, null, null, null, "password_last_used", null, null);

    private CredentialReport() {
    }

    /** Reads the report's records after its header; returns how many were read. */
    static long read(CsvCursor csv, List<String> header, ImportRows rows, long maxRows, AccessImport.Progress progress)
            throws IOException, CsvCursor.MalformedCsvException {
        List<String> missing = REQUIRED.stream().filter(column -> !header.contains(column)).toList();
        if (!missing.isEmpty()) {
            rows.problem(new Problem(1, null, "This is not an AWS IAM credential report: it has no column " + String.join(", ", missing)));
            return 0;
        }
        int[] at = REQUIRED.stream().mapToInt(header::indexOf).toArray();
        long read = 0;
        while (csv.next()) {
            read++;
            long line = csv.line();
            if (!AccessCsv.counted(read, line, maxRows, rows, progress)) {
                break;
            }
            if (csv.size() != header.size()) {
                rows.problem(new Problem(line, null, "Expected " + header.size() + " columns, found " + csv.size()));
                continue;
            }
            user(csv, at, line, rows);
            if (rows.full()) {
                break;
            }
        }
        return read;
    }

    private static void user(CsvCursor csv, int[] at, long line, ImportRows rows) throws IOException {
        String user = field(csv, at[0]);
        if (user == null) {
            rows.problem(new Problem(line, "user", "Empty; every row needs a value here"));
            return;
        }
        boolean root = user.equals(ROOT);
        List<Problem> problems = new ArrayList<>(0);
        Instant password = date(csv, at[3], "password_last_used", line, problems);
        Instant key1 = date(csv, at[5], "access_key_1_last_used_date", line, problems);
        Instant key2 = date(csv, at[7], "access_key_2_last_used_date", line, problems);
        List<String> entitlements = new ArrayList<>(3);
        if (root) {
            entitlements.add("Root account");
        } else if (yes(csv, at[2], "password_enabled", line, problems)) {
            entitlements.add("Console password");
        }
        String prefix = root ? "Root access key " : "Access key ";
        if (yes(csv, at[4], "access_key_1_active", line, problems)) {
            entitlements.add(prefix + 1);
        }
        if (yes(csv, at[6], "access_key_2_active", line, problems)) {
            entitlements.add(prefix + 2);
        }
        if (yes(csv, at[8], "cert_1_active", line, problems)) {
            entitlements.add((root ? "Root signing certificate " : "Signing certificate ") + 1);
        }
        if (yes(csv, at[9], "cert_2_active", line, problems)) {
            entitlements.add((root ? "Root signing certificate " : "Signing certificate ") + 2);
        }
        if (!problems.isEmpty()) {
            problems.forEach(rows::problem);
            return;
        }
        Instant lastUsed = latest(password, latest(key1, key2));
        for (String entitlement : entitlements) {
            if (root) {
                rows.privileged(entitlement);
            }
            rows.add(line, user, entitlement, null, null, null, lastUsed, false, null, null);
        }
    }

    private static String field(CsvCursor csv, int index) {
        String value = SafeCsv.restore(csv.field(index).strip());
        return value.isEmpty() ? null : value;
    }

    /** {@code true} or {@code false}; the root's {@code not_supported} and other unknowns are no. */
    private static boolean yes(CsvCursor csv, int index, String column, long line, List<Problem> problems) {
        String value = field(csv, index);
        if (SourceValues.unknown(value) || value.equalsIgnoreCase("false")) {
            return false;
        }
        if (value.equalsIgnoreCase("true")) {
            return true;
        }
        problems.add(new Problem(line, column, "Not true or false: " + value));
        return false;
    }

    private static Instant date(CsvCursor csv, int index, String column, long line, List<Problem> problems) {
        String value = field(csv, index);
        if (SourceValues.unknown(value)) {
            return null;
        }
        Instant instant = AccessCsv.instant(value);
        if (instant == null) {
            problems.add(new Problem(line, column, "Not a date or time: " + value));
        }
        return instant;
    }

    private static Instant latest(Instant a, Instant b) {
        return a == null ? b : b == null || a.isAfter(b) ? a : b;
    }
}
