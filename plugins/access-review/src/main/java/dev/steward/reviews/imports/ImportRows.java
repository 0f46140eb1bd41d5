package dev.steward.reviews.imports;

import dev.steward.platform.validation.InvalidInputException.Problem;

import java.io.Closeable;
import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * The rows of one import on their way into the database (a file's or a directory's), and what the import learns from
 * them as they pass: each account with its details (and whether its rows agree on them), the entitlements, and the
 * pairs seen twice. The checks that need the whole file are done here, in one pass, instead of as extra passes over a
 * million staged rows in SQL; only duplicate candidates are confirmed there. After the first problem the rows are still
 * checked, but no more are written.
 */
final class ImportRows implements Closeable {

    static final int MAX_PROBLEMS = 100;

    /** A row whose account and entitlement hash like an earlier row's; the database says whether they are the same. */
    record DuplicateCandidate(long line, long firstLine, String account, String entitlement) {
    }

    /** One account of the import: its details as first seen, the line and source they came from, its rows. */
    static final class Account {
        final String name;
        final String employeeId;
        final String email;
        final String displayName;
        final Instant lastLogin;
        final long firstLine;
        final String source;
        int grants;
        boolean reported;

        Account(String name, String employeeId, String email, String displayName, Instant lastLogin, long firstLine, String source) {
            this.name = name;
            this.employeeId = employeeId;
            this.email = email;
            this.displayName = displayName;
            this.lastLogin = lastLogin;
            this.firstLine = firstLine;
            this.source = source;
        }

        boolean sameDetails(String employeeId, String email, String displayName, Instant lastLogin) {
            return Objects.equals(this.employeeId, employeeId) && Objects.equals(this.email, email)
                    && Objects.equals(this.displayName, displayName) && Objects.equals(this.lastLogin, lastLogin);
        }
    }

    /** Writes a checked row where the import keeps it (the staging table, or straight into the snapshot). */
    interface Sink extends Closeable {
        void row(long line, String account, String entitlement, String grantedVia) throws IOException;
    }

    private final Sink sink;
    private final List<Problem> problems = new ArrayList<>();
    private final Map<String, Account> accounts = new HashMap<>();
    private final Set<String> entitlements = new HashSet<>();
    private final KeyLines keys = new KeyLines();
    private final List<DuplicateCandidate> duplicates = new ArrayList<>();
    private long rows;

    ImportRows(Sink sink) {
        this.sink = sink;
    }

    /** A problem of one row (its fields), found by the reader. */
    void problem(Problem problem) {
        problems.add(problem);
    }

    /**
     * A row whose fields are valid. {@code source} is where it came from when one account name could be two entries
     * (a directory's DN), else null.
     */
    void add(long line, String account, String entitlement, String employeeId, String email, String displayName, Instant lastLogin,
             String grantedVia, String source) throws IOException {
        rows++;
        Account known = accounts.get(account);
        if (known == null) {
            known = new Account(account, employeeId, email, displayName, lastLogin, line, source);
            accounts.put(account, known);
        } else if (!known.reported && !Objects.equals(known.source, source)) {
            known.reported = true;
            String first = known.source.compareTo(source) <= 0 ? known.source : source;
            String other = first.equals(source) ? known.source : source;
            problems.add(new Problem(0, null, "Two entries have the account name " + account + ": " + first + " and " + other
                    + "; the user id attribute must be unique"));
        } else if (!known.reported && !known.sameDetails(employeeId, email, displayName, lastLogin)) {
            known.reported = true;
            problems.add(new Problem(line, null, "The account " + account + " has other details than on line " + known.firstLine
                    + " (employee id, email, name or last login)"));
        }
        known.grants++;
        entitlements.add(entitlement);
        long firstLine = keys.putIfAbsent(account, entitlement, line);
        if (firstLine != 0 && duplicates.size() < MAX_PROBLEMS) {
            duplicates.add(new DuplicateCandidate(line, firstLine, account, entitlement));
        }
        if (problems.isEmpty()) {
            sink.row(line, account, entitlement, grantedVia);
        }
    }

    List<Problem> problems() {
        return problems;
    }

    boolean full() {
        return problems.size() >= MAX_PROBLEMS;
    }

    /** Valid rows read (written unless a problem came first). */
    long rows() {
        return rows;
    }

    Iterable<Account> accounts() {
        return accounts.values();
    }

    int accountCount() {
        return accounts.size();
    }

    Set<String> entitlements() {
        return entitlements;
    }

    List<DuplicateCandidate> duplicateCandidates() {
        return duplicates;
    }

    /** Ends the writing of rows. */
    @Override
    public void close() throws IOException {
        sink.close();
    }
}
