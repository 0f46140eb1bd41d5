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

    /**
     * One account of the import: its details as first seen, the line and source they came from, its rows. Its last
     * login is the latest of its rows' (an export made of per-group snapshots gives each row its own), and it is
     * disabled when any row says so.
     */
    static final class Account {
        final String name;
        final String employeeId;
        final String email;
        final String displayName;
        Instant lastLogin;
        boolean disabled;
        final long firstLine;
        final String source;
        int grants;
        boolean reported;
        boolean loginVaried;

        Account(String name, String employeeId, String email, String displayName, Instant lastLogin, boolean disabled,
                long firstLine, String source) {
            this.name = name;
            this.employeeId = employeeId;
            this.email = email;
            this.displayName = displayName;
            this.lastLogin = lastLogin;
            this.disabled = disabled;
            this.firstLine = firstLine;
            this.source = source;
        }

        boolean sameDetails(String employeeId, String email, String displayName) {
            return Objects.equals(this.employeeId, employeeId) && Objects.equals(this.email, email)
                    && Objects.equals(this.displayName, displayName);
        }

        /** Takes another row's last login and status: the latest login, disabled if any row says so. */
        void merge(Instant lastLogin, boolean disabled) {
            if (!Objects.equals(this.lastLogin, lastLogin)) {
                loginVaried = true;
                if (this.lastLogin == null || (lastLogin != null && lastLogin.isAfter(this.lastLogin))) {
                    this.lastLogin = lastLogin;
                }
            }
            this.disabled |= disabled;
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
    private final Set<String> privileged = new java.util.TreeSet<>();
    private final List<String> sourceNotes = new ArrayList<>(0);
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
             boolean disabled, String grantedVia, String source) throws IOException {
        rows++;
        Account known = accounts.get(account);
        if (known == null) {
            known = new Account(account, employeeId, email, displayName, lastLogin, disabled, line, source);
            accounts.put(account, known);
        } else if (!known.reported && !Objects.equals(known.source, source)) {
            known.reported = true;
            String first = known.source.compareTo(source) <= 0 ? known.source : source;
            String other = first.equals(source) ? known.source : source;
            problems.add(new Problem(0, null, "Two entries have the account name " + account + ": " + first + " and " + other
                    + "; the user id attribute must be unique"));
        } else if (!known.reported && !known.sameDetails(employeeId, email, displayName)) {
            known.reported = true;
            problems.add(new Problem(line, null, "The account " + account + " has other details than on line " + known.firstLine
                    + " (employee id, email or name)"));
        } else {
            known.merge(lastLogin, disabled);
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

    /** Something the reader of a source noticed that the user should know before committing (shown after the others). */
    void note(String note) {
        sourceNotes.add(note);
    }

    /** An entitlement the source marks privileged: it is privileged when it is new to the system. */
    void privileged(String entitlement) {
        privileged.add(entitlement);
    }

    Set<String> privilegedEntitlements() {
        return privileged;
    }

    /** What the import read that the user should know before committing: values it took leniently, states it found. */
    List<String> notes() {
        List<String> notes = new ArrayList<>();
        long varied = accounts.values().stream().filter(a -> a.loginVaried).count();
        long disabled = accounts.values().stream().filter(a -> a.disabled).count();
        long unknownLogin = accounts.values().stream().filter(a -> a.lastLogin == null).count();
        if (varied > 0) {
            notes.add(String.format("%,d account(s) have different last logins on their rows: the latest is kept", varied));
        }
        if (disabled > 0) {
            notes.add(String.format("%,d account(s) are disabled in the source; those still holding access are flagged in reviews", disabled));
        }
        if (unknownLogin > 0 && unknownLogin < accounts.size()) {
            notes.add(String.format("%,d account(s) have no known last login: shown as unknown, never as dormant", unknownLogin));
        }
        if (!privileged.isEmpty()) {
            notes.add("Privileged unless you decide otherwise (new entitlements only): " + String.join(", ",
                    privileged.stream().limit(10).toList()) + (privileged.size() > 10 ? ", …" : ""));
        }
        notes.addAll(sourceNotes);
        return notes;
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
