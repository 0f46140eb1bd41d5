package dev.steward.reviews.imports;

import dev.steward.platform.export.ExportProgress;
import dev.steward.platform.export.SafeCsv;
import dev.steward.reviews.ReviewPermissions;
import org.jooq.DSLContext;
import org.jooq.Record;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.io.OutputStream;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import static dev.steward.reviews.db.Tables.IMPORT_RUN;
import static dev.steward.reviews.db.Tables.SYSTEM;

/**
 * The dated snapshots of a system (one per import) and what changed between any two of them, computed in SQL over
 * the period rows: the snapshot of import N is every row with {@code added_import <= N} and
 * {@code (removed_import is null or removed_import > N)}. A grant or account that went away and came back between
 * the two imports is no change. A grant held another way (direct → via a group) is a change of its own: since V22 it
 * ends its row and starts a new one, so each snapshot knows how its grants were held.
 */
@Service
public class Snapshots {

    /**
     * One import of a system: the header of its snapshot. {@code number} counts the system's imports (1, 2, 3...);
     * {@code added} and {@code removed} count grants.
     */
    public record Snapshot(long id, int number, long systemId, Instant importedAt, String importedBy, String source, String fileName, String sha256,
                           int accounts, int grants, int added, int removed, int howGrantedChanged) {
    }

    /**
     * How two snapshots of one system differ; {@code from} is the older import. {@code howGrantedChanged} counts the
     * grants in both that are held another way (direct → via a group, ...).
     */
    public record Diff(long systemId, long from, long to, long grantsAdded, long grantsRemoved, long howGrantedChanged,
                       long accountsAdded, long accountsRemoved, long accountsChanged) {

        public long total() {
            return grantsAdded + grantsRemoved + howGrantedChanged + accountsAdded + accountsRemoved + accountsChanged;
        }
    }

    public enum GrantChange {
        ADDED, REMOVED, HOW_GRANTED_CHANGED;

        /** "added", "removed", "how granted changed". */
        public String label() {
            return name().toLowerCase(java.util.Locale.ROOT).replace('_', ' ');
        }
    }

    public enum AccountChange { ADDED, REMOVED, CHANGED }

    /**
     * A grant added or removed, with how it is (was) held; or one held another way, with {@code previousGrantedVia}
     * how it was held in the older snapshot. Null: the source did not say.
     */
    public record Grant(String accountName, String entitlement, boolean privileged, String grantedVia, String previousGrantedVia) {
    }

    public record AccountDetails(String employeeId, String email, String displayName, Instant lastLogin, boolean disabled) {
    }

    /**
     * An account added (no {@code before}), removed (no {@code after}) or changed, with the names of the details that
     * differ ({@code employee id}, {@code email}, {@code display name}, {@code last login}, and {@code disabled} or
     * {@code enabled} when the source's status changed).
     */
    public record Account(String accountName, AccountDetails before, AccountDetails after, List<String> changed) {
    }

    // {0} system, {1} the older import, {2} the newer one
    private static final String GRANTS_ADDED = """
            from reviews.access_grant g
            left join reviews.entitlement e on e.system_id = g.system_id and e.name = g.entitlement
            where g.system_id = {0} and g.added_import > {1} and g.added_import <= {2} and (g.removed_import is null or g.removed_import > {2})
              and not exists (select 1 from reviews.access_grant o where o.system_id = {0} and o.account_name = g.account_name
                              and o.entitlement = g.entitlement and o.added_import <= {1} and (o.removed_import is null or o.removed_import > {1}))""";
    private static final String GRANTS_REMOVED = """
            from reviews.access_grant g
            left join reviews.entitlement e on e.system_id = g.system_id and e.name = g.entitlement
            where g.system_id = {0} and g.added_import <= {1} and g.removed_import > {1} and g.removed_import <= {2}
              and not exists (select 1 from reviews.access_grant o where o.system_id = {0} and o.account_name = g.account_name
                              and o.entitlement = g.entitlement and o.added_import <= {2} and (o.removed_import is null or o.removed_import > {2}))""";
    // the row present in the older snapshot (p) ended between the two, the one in the newer (g) started between them
    private static final String GRANTS_HOW_GRANTED_CHANGED = """
            from reviews.access_grant g
            join reviews.access_grant p on p.system_id = {0} and p.account_name = g.account_name and p.entitlement = g.entitlement
                                       and p.added_import <= {1} and p.removed_import > {1} and p.removed_import <= {2}
            left join reviews.entitlement e on e.system_id = g.system_id and e.name = g.entitlement
            where g.system_id = {0} and g.added_import > {1} and g.added_import <= {2} and (g.removed_import is null or g.removed_import > {2})
              and p.granted_via is distinct from g.granted_via""";
    private static final String ACCOUNT_SNAPSHOTS = """
            with a as (select * from reviews.account where system_id = {0} and added_import <= {1} and (removed_import is null or removed_import > {1})),
                 b as (select * from reviews.account where system_id = {0} and added_import <= {2} and (removed_import is null or removed_import > {2}))
            """;
    private static final String ACCOUNTS_ADDED = "from b where not exists (select 1 from a where a.account_name = b.account_name)";
    private static final String ACCOUNTS_REMOVED = "from a where not exists (select 1 from b where b.account_name = a.account_name)";
    private static final String ACCOUNTS_CHANGED = "from a join b on b.account_name = a.account_name where a.id <> b.id"
            + " and (a.employee_id, a.email, a.display_name, a.last_login, a.disabled)"
            + " is distinct from (b.employee_id, b.email, b.display_name, b.last_login, b.disabled)";
    private static final String GRANT_COLUMNS = "select g.account_name, g.entitlement, coalesce(e.privileged, false) privileged, g.granted_via, ";

    private final DSLContext dsl;

    Snapshots(DSLContext dsl) {
        this.dsl = dsl;
    }

    /** The system's imports, newest first. */
    @PreAuthorize(ReviewPermissions.MAY_READ)
    @Transactional(readOnly = true)
    public List<Snapshot> history(long systemId) {
        systemName(systemId);
        return dsl.selectFrom(IMPORT_RUN).where(IMPORT_RUN.SYSTEM_ID.eq(systemId)).orderBy(IMPORT_RUN.ID.desc())
                .fetch(r -> new Snapshot(r.getId(), r.getNumber(), r.getSystemId(), r.getImportedAt(), r.getImportedBy(), r.getSource(),
                        r.getFileName(), r.getSha256(), r.getAccounts(), r.getGrants(), r.getAdded(), r.getRemoved(), r.getHowGrantedChanged()));
    }

    /** The counts of what changed between two imports of the system (in either order: the older one is "from"). */
    @PreAuthorize(ReviewPermissions.MAY_READ)
    @Transactional(readOnly = true)
    public Diff diff(long systemId, long importA, long importB) {
        long[] pair = checked(systemId, importA, importB);
        Record counts = dsl.fetchOne(ACCOUNT_SNAPSHOTS + "select (select count(*) " + GRANTS_ADDED + ") grants_added,"
                + " (select count(*) " + GRANTS_REMOVED + ") grants_removed, (select count(*) " + GRANTS_HOW_GRANTED_CHANGED + ") how_granted,"
                + " (select count(*) " + ACCOUNTS_ADDED + ") accounts_added,"
                + " (select count(*) " + ACCOUNTS_REMOVED + ") accounts_removed, (select count(*) " + ACCOUNTS_CHANGED + ") accounts_changed",
                systemId, pair[0], pair[1]);
        return new Diff(systemId, pair[0], pair[1], counts.get("grants_added", Long.class), counts.get("grants_removed", Long.class),
                counts.get("how_granted", Long.class), counts.get("accounts_added", Long.class), counts.get("accounts_removed", Long.class), counts.get("accounts_changed", Long.class));
    }

    /** A page of the grants added, removed or held another way between two imports, by account and entitlement. */
    @PreAuthorize(ReviewPermissions.MAY_READ)
    @Transactional(readOnly = true)
    public List<Grant> grants(long systemId, long importA, long importB, GrantChange change, int offset, int limit) {
        long[] pair = checked(systemId, importA, importB);
        return dsl.fetch(grantQuery(change) + " order by g.account_name, g.entitlement offset {3} limit {4}", systemId, pair[0], pair[1],
                Math.max(0, offset), Math.max(1, limit)).map(Snapshots::toGrant);
    }

    /** A page of the accounts added, removed or changed between two imports, by account name. */
    @PreAuthorize(ReviewPermissions.MAY_READ)
    @Transactional(readOnly = true)
    public List<Account> accounts(long systemId, long importA, long importB, AccountChange change, int offset, int limit) {
        long[] pair = checked(systemId, importA, importB);
        return dsl.fetch(accountQuery(change) + " order by 1 offset {3} limit {4}", systemId, pair[0], pair[1], Math.max(0, offset),
                Math.max(1, limit)).map(Snapshots::toAccount);
    }

    /**
     * Every change between two imports as CSV (one row per grant or account change): how a grant is held (and was, when
     * that changed), and whether an account is disabled in its source (and was, when that changed).
     */
    @PreAuthorize(ReviewPermissions.MAY_READ)
    @Transactional(readOnly = true)
    public void exportCsv(long systemId, long importA, long importB, OutputStream out, ExportProgress progress) {
        long[] pair = checked(systemId, importA, importB);
        long rows = 0;
        try (SafeCsv csv = SafeCsv.open(out, "change", "account", "entitlement", "privileged", "granted_via", "previous_granted_via",
                "employee_id", "email", "display_name", "last_login", "disabled", "previous_employee_id", "previous_email",
                "previous_display_name", "previous_last_login", "previous_disabled")) {
            for (GrantChange change : GrantChange.values()) {
                try (var cursor = dsl.resultQuery(grantQuery(change) + " order by g.account_name, g.entitlement", systemId, pair[0], pair[1])
                        .fetchSize(2_000).fetchLazy()) {
                    for (Record r : cursor) {
                        Grant g = toGrant(r);
                        csv.row("grant " + change.label(), g.accountName(), g.entitlement(), g.privileged() ? "yes" : "no", g.grantedVia(),
                                g.previousGrantedVia(), null, null, null, null, null, null, null, null, null, null);
                        rows = written(progress, rows);
                    }
                }
            }
            for (AccountChange change : AccountChange.values()) {
                try (var cursor = dsl.resultQuery(accountQuery(change) + " order by 1", systemId, pair[0], pair[1]).fetchSize(2_000).fetchLazy()) {
                    for (Record r : cursor) {
                        Account a = toAccount(r);
                        AccountDetails now = a.after() == null ? a.before() : a.after();
                        AccountDetails before = a.after() == null || a.before() == null ? null : a.before();
                        csv.row("account " + change.name().toLowerCase(), a.accountName(), null, null, null, null, now.employeeId(),
                                now.email(), now.displayName(), now.lastLogin(), yesNo(now.disabled()), before == null ? null : before.employeeId(),
                                before == null ? null : before.email(), before == null ? null : before.displayName(),
                                before == null ? null : before.lastLogin(), before == null ? null : yesNo(before.disabled()));
                        rows = written(progress, rows);
                    }
                }
            }
        }
        progress.rowsWritten(rows);
    }

    /** "Snapshots diff ERP #12-#15.csv" style name, for the download. */
    @PreAuthorize(ReviewPermissions.MAY_READ)
    @Transactional(readOnly = true)
    public String fileName(long systemId, long importA, long importB) {
        long[] pair = checked(systemId, importA, importB);
        String code = dsl.select(SYSTEM.CODE).from(SYSTEM).where(SYSTEM.ID.eq(systemId)).fetchOne(SYSTEM.CODE);
        Map<Long, Integer> numbers = dsl.select(IMPORT_RUN.ID, IMPORT_RUN.NUMBER).from(IMPORT_RUN).where(IMPORT_RUN.ID.in(pair[0], pair[1]))
                .fetchMap(IMPORT_RUN.ID, IMPORT_RUN.NUMBER);
        return "access-diff-" + code.replaceAll("[^A-Za-z0-9_.-]", "_") + "-" + numbers.get(pair[0]) + "-" + numbers.get(pair[1]) + ".csv";
    }

    private static String yesNo(boolean value) {
        return value ? "yes" : "no";
    }

    private static long written(ExportProgress progress, long rows) {
        if (progress.cancelled()) {
            throw new ExportProgress.Cancelled();
        }
        long n = rows + 1;
        if (n % 1_000 == 0) {
            progress.rowsWritten(n);
        }
        return n;
    }

    /** The two imports as {older, newer}, after checking both exist, differ and are of the system. */
    private long[] checked(long systemId, long importA, long importB) {
        String system = systemName(systemId);
        if (importA == importB) {
            throw new IllegalArgumentException("Choose two different imports to compare");
        }
        Map<Long, Long> systemOf = dsl.select(IMPORT_RUN.ID, IMPORT_RUN.SYSTEM_ID).from(IMPORT_RUN).where(IMPORT_RUN.ID.in(importA, importB))
                .fetchMap(IMPORT_RUN.ID, IMPORT_RUN.SYSTEM_ID);
        for (long id : new long[]{importA, importB}) {
            Long owner = systemOf.get(id);
            if (owner == null) {
                throw new IllegalArgumentException("There is no import #" + id);
            }
            if (owner != systemId) {
                throw new IllegalArgumentException("Import #" + id + " is an import of " + systemName(owner) + ", not of " + system);
            }
        }
        return new long[]{Math.min(importA, importB), Math.max(importA, importB)};
    }

    private String systemName(long systemId) {
        return dsl.select(SYSTEM.NAME).from(SYSTEM).where(SYSTEM.ID.eq(systemId)).fetchOptional(SYSTEM.NAME)
                .orElseThrow(() -> new IllegalArgumentException("There is no system #" + systemId));
    }

    private static String grantQuery(GrantChange change) {
        return GRANT_COLUMNS + switch (change) {
            case ADDED -> "null::varchar previous_granted_via " + GRANTS_ADDED;
            case REMOVED -> "null::varchar previous_granted_via " + GRANTS_REMOVED;
            case HOW_GRANTED_CHANGED -> "p.granted_via previous_granted_via " + GRANTS_HOW_GRANTED_CHANGED;
        };
    }

    private static String accountQuery(AccountChange change) {
        return ACCOUNT_SNAPSHOTS + switch (change) {
            case ADDED -> "select b.account_name, " + side("a", false) + ", " + side("b", true) + " " + ACCOUNTS_ADDED;
            case REMOVED -> "select a.account_name, " + side("a", true) + ", " + side("b", false) + " " + ACCOUNTS_REMOVED;
            case CHANGED -> "select a.account_name, " + side("a", true) + ", " + side("b", true) + " " + ACCOUNTS_CHANGED;
        };
    }

    /** The columns of one side (a: the older snapshot, b: the newer) of an account change, or nulls when absent. */
    private static String side(String alias, boolean present) {
        if (!present) {
            return "false %1$s_present, null::text %1$s_employee_id, null::text %1$s_email, null::text %1$s_display_name,"
                    .formatted(alias) + " null::timestamptz %1$s_last_login, false %1$s_disabled".formatted(alias);
        }
        return "true %1$s_present, %1$s.employee_id %1$s_employee_id, %1$s.email %1$s_email, %1$s.display_name %1$s_display_name,"
                .formatted(alias) + " %1$s.last_login %1$s_last_login, %1$s.disabled %1$s_disabled".formatted(alias);
    }

    private static Grant toGrant(Record r) {
        return new Grant(r.get("account_name", String.class), r.get("entitlement", String.class), r.get("privileged", Boolean.class),
                r.get("granted_via", String.class), r.get("previous_granted_via", String.class));
    }

    private static Account toAccount(Record r) {
        AccountDetails before = details(r, "a_");
        AccountDetails after = details(r, "b_");
        List<String> changed = new ArrayList<>();
        if (before != null && after != null) {
            if (!Objects.equals(before.employeeId(), after.employeeId())) {
                changed.add("employee id");
            }
            if (!Objects.equals(before.email(), after.email())) {
                changed.add("email");
            }
            if (!Objects.equals(before.displayName(), after.displayName())) {
                changed.add("display name");
            }
            if (!Objects.equals(before.lastLogin(), after.lastLogin())) {
                changed.add("last login");
            }
            if (before.disabled() != after.disabled()) {
                changed.add(after.disabled() ? "disabled" : "enabled");
            }
        }
        return new Account(r.get("account_name", String.class), before, after, List.copyOf(changed));
    }

    private static AccountDetails details(Record r, String prefix) {
        if (!Boolean.TRUE.equals(r.get(prefix + "present", Boolean.class))) {
            return null;
        }
        OffsetDateTime login = r.get(prefix + "last_login", OffsetDateTime.class);
        return new AccountDetails(r.get(prefix + "employee_id", String.class), r.get(prefix + "email", String.class),
                r.get(prefix + "display_name", String.class), login == null ? null : login.toInstant(),
                Boolean.TRUE.equals(r.get(prefix + "disabled", Boolean.class)));
    }
}
