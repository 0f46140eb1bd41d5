package dev.steward.reviews.imports;

import org.jooq.DSLContext;
import org.jooq.Record;

import java.util.ArrayList;
import java.util.List;

/**
 * The SQL side of an import: a temporary table holding the file, checks that need the whole file, the comparison
 * with the current snapshot, and the set-based apply. Accounts and grants keep one row per period of presence.
 */
final class ImportStaging {

    /** A grant in the current snapshot of system {0}. */
    private static final String CURRENT_GRANT = "g.system_id = {0} and g.removed_import is null";

    private final DSLContext dsl;

    ImportStaging(DSLContext dsl) {
        this.dsl = dsl;
    }

    void create() {
        dsl.execute("drop table if exists import_stage");
        dsl.execute("create temporary table import_stage (line bigint not null, account_name varchar(200) not null,"
                + " entitlement varchar(300) not null, employee_id varchar(50), email varchar(254), display_name varchar(200),"
                + " last_login timestamptz, granted_via varchar(300), source text) on commit drop");
    }

    /** For a directory (source = the member's DN): one account name must be one entry. */
    List<ImportProblem> directoryProblems() {
        analyze();
        List<ImportProblem> problems = new ArrayList<>();
        dsl.fetch("select account_name, min(source) first_dn, max(source) other_dn from import_stage group by account_name"
                        + " having count(distinct source) > 1 order by account_name limit 100")
                .forEach(r -> problems.add(new ImportProblem(0, null, "Two entries have the account name " + r.get("account_name")
                        + ": " + r.get("first_dn") + " and " + r.get("other_dn") + "; the user id attribute must be unique")));
        summariseAccounts();
        return problems;
    }

    /** Statistics for planning the checks and the apply (a small sample: the file's shape is simple). */
    void analyze() {
        dsl.execute("set local default_statistics_target = 10");
        dsl.execute("analyze import_stage");
        dsl.execute("reset default_statistics_target");
    }

    /** Rows that repeat an earlier row's account and entitlement (the preview's check; an apply finds them by counting). */
    List<ImportProblem> duplicateProblems() {
        List<ImportProblem> problems = new ArrayList<>();
        // the lines of the duplicates are gathered only for the (usually no) duplicate pairs: one hash aggregate pass
        dsl.fetch("with dup as (select account_name, entitlement from import_stage group by account_name, entitlement"
                        + " having count(*) > 1 limit 100)"
                        + " select s.account_name, s.entitlement, array_agg(s.line order by s.line) lines from import_stage s"
                        + " join dup d on d.account_name = s.account_name and d.entitlement = s.entitlement"
                        + " group by s.account_name, s.entitlement order by min(s.line)")
                .forEach(r -> {
                    Object[] lines = (Object[]) r.get("lines");
                    for (int i = 1; i < lines.length; i++) {
                        problems.add(new ImportProblem(((Number) lines[i]).longValue(), null, "Duplicate of line " + lines[0] + " ("
                                + r.get("account_name") + " · " + r.get("entitlement") + ")"));
                    }
                });
        return problems;
    }

    /** Accounts whose details differ between their rows (and the per-account summary the apply reads). */
    List<ImportProblem> accountProblems() {
        List<ImportProblem> problems = new ArrayList<>();
        summariseAccounts();
        dsl.fetch("select account_name, first_line, last_line from import_accounts where not consistent order by first_line limit 100")
                .forEach(r -> problems.add(new ImportProblem(r.get("last_line", Long.class), null, "The account "
                        + r.get("account_name") + " has other details than on line " + r.get("first_line", Long.class)
                        + " (employee id, email, name or last login)")));
        return problems;
    }

    /**
     * One row per account of the file, with its details and whether all its rows agree on them: one hash aggregate
     * over the file (min = max instead of count(distinct ...), which would sort it), read by the checks, the preview
     * and the apply.
     */
    void summariseAccounts() {
        dsl.execute("drop table if exists import_accounts");
        dsl.execute("""
                create temporary table import_accounts on commit drop as
                select account_name, nullif(min(coalesce(employee_id, '')), '') employee_id, nullif(min(coalesce(email, '')), '') email,
                       nullif(min(coalesce(display_name, '')), '') display_name, min(last_login) last_login,
                       min(coalesce(employee_id, '')) = max(coalesce(employee_id, ''))
                           and min(coalesce(email, '')) = max(coalesce(email, ''))
                           and min(coalesce(display_name, '')) = max(coalesce(display_name, ''))
                           and min(coalesce(last_login, '-infinity')) = max(coalesce(last_login, '-infinity')) consistent,
                       min(line) first_line, max(line) last_line
                from import_stage group by account_name
                """);
        dsl.execute("analyze import_accounts");
    }

    ImportPreview compare(long systemId) {
        Record counts = dsl.fetchOne("""
                select (select count(*) from import_stage) rows_,
                       (select count(*) from import_accounts) accounts,
                       (select count(*) from import_stage s where not exists (select 1 from reviews.access_grant g
                            where %1$s and g.account_name = s.account_name and g.entitlement = s.entitlement)) added,
                       (select count(*) from reviews.access_grant g where %1$s and not exists (select 1 from import_stage s
                            where s.account_name = g.account_name and s.entitlement = g.entitlement)) removed,
                       (select count(*) from reviews.account a where a.system_id = {0} and a.removed_import is null
                            and not exists (select 1 from import_stage s where s.account_name = a.account_name)) accounts_removed,
                       (select count(*) from import_accounts s where not exists
                            (select 1 from reviews.account a where a.system_id = {0} and a.removed_import is null
                             and a.account_name = s.account_name)) accounts_added,
                       (select count(*) from reviews.account a join import_accounts s on s.account_name = a.account_name
                            where a.system_id = {0} and a.removed_import is null and (a.employee_id, a.email, a.display_name,
                            a.last_login) is distinct from (s.employee_id, s.email, s.display_name, s.last_login)) accounts_changed
                """.formatted(CURRENT_GRANT), systemId);
        long rows = counts.get("rows_", Long.class);
        long added = counts.get("added", Long.class);
        List<String> sampleAdded = dsl.fetch("select account_name || ' · ' || entitlement from import_stage s where not exists"
                + " (select 1 from reviews.access_grant g where " + CURRENT_GRANT + " and g.account_name = s.account_name"
                + " and g.entitlement = s.entitlement) order by line limit 5", systemId).getValues(0, String.class);
        List<String> sampleRemoved = dsl.fetch("select account_name || ' · ' || entitlement from reviews.access_grant g where "
                + CURRENT_GRANT + " and not exists (select 1 from import_stage s where s.account_name = g.account_name"
                + " and s.entitlement = g.entitlement) order by account_name, entitlement limit 5", systemId).getValues(0, String.class);
        return new ImportPreview(rows, counts.get("accounts", Long.class), added, counts.get("removed", Long.class),
                rows - added, counts.get("accounts_added", Long.class), counts.get("accounts_changed", Long.class),
                counts.get("accounts_removed", Long.class), sampleAdded, sampleRemoved);
    }

    /**
     * Applies the staged file as the new snapshot; returns what changed (without samples: those are for previews).
     * Duplicate rows are found without a pass over every file: two rows for a new grant break the unique index of
     * current grants (the insert is rolled back to before it), two rows for a grant kept make the grants not add up
     * to the rows; either way the import is rejected naming the rows.
     */
    ImportPreview apply(long systemId, long importId) {
        long before = ((Number) dsl.fetchValue("select count(*) from reviews.access_grant g where " + CURRENT_GRANT, systemId)).longValue();
        int removed = dsl.execute("update reviews.access_grant g set removed_import = {1} where " + CURRENT_GRANT
                + " and not exists (select 1 from import_stage s where s.account_name = g.account_name and s.entitlement = g.entitlement)",
                systemId, importId);
        int added;
        dsl.execute("savepoint before_grants");
        try {
            added = dsl.execute("insert into reviews.access_grant (system_id, account_name, entitlement, granted_via, added_import)"
                    + " select {0}, s.account_name, s.entitlement, s.granted_via, {1} from import_stage s where not exists (select 1 from"
                    + " reviews.access_grant g where " + CURRENT_GRANT + " and g.account_name = s.account_name and g.entitlement = s.entitlement)",
                    systemId, importId);
        } catch (RuntimeException e) {
            if (!uniqueViolation(e)) {
                throw e;
            }
            dsl.execute("rollback to savepoint before_grants");
            throw new ImportRejectedException(duplicateProblems());
        }
        dsl.execute("release savepoint before_grants");
        long rows = ((Number) dsl.fetchValue("select count(*) from import_stage")).longValue();
        if (before - removed + added != rows) {
            throw new ImportRejectedException(duplicateProblems());
        }
        updateHowGranted(systemId);
        int accountsRemoved = dsl.execute("update reviews.account a set removed_import = {1} where a.system_id = {0}"
                + " and a.removed_import is null and not exists (select 1 from import_accounts s where s.account_name = a.account_name)",
                systemId, importId);
        // an account whose details changed gets a new row: the old one ends with this import
        int accountsChanged = dsl.execute("update reviews.account a set removed_import = {1} from import_accounts s"
                + " where a.system_id = {0} and a.removed_import is null and s.account_name = a.account_name and (s.employee_id, s.email,"
                + " s.display_name, s.last_login) is distinct from (a.employee_id, a.email, a.display_name, a.last_login)",
                systemId, importId);
        int accountsInserted = dsl.execute("insert into reviews.account (system_id, account_name, employee_id, email, display_name,"
                + " last_login, added_import) select {0}, s.account_name, s.employee_id, s.email, s.display_name, s.last_login, {1}"
                + " from import_accounts s where not exists (select 1 from reviews.account a where a.system_id = {0}"
                + " and a.removed_import is null and a.account_name = s.account_name)", systemId, importId);
        dsl.execute("insert into reviews.entitlement (system_id, name, privileged, version) select distinct {0}, entitlement, false, 0"
                + " from import_stage on conflict (system_id, name) do nothing", systemId);
        long accounts = ((Number) dsl.fetchValue("select count(*) from import_accounts")).longValue();
        return new ImportPreview(rows, accounts, added, removed, rows - added, accountsInserted - accountsChanged, accountsChanged,
                accountsRemoved, List.of(), List.of());
    }

    private static boolean uniqueViolation(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof java.sql.SQLException sql && "23505".equals(sql.getSQLState())) {
                return true;
            }
        }
        return false;
    }

    /**
     * A grant that stays keeps its row, with how it is held as the newest import says (a review item keeps what
     * it was at launch). Skipped, with its join over every grant, when neither the file nor the snapshot says it.
     */
    private void updateHowGranted(long systemId) {
        boolean said = dsl.fetchExists(dsl.selectOne().from("import_stage").where("granted_via is not null"))
                || dsl.fetchExists(dsl.selectOne().from("reviews.access_grant g").where(CURRENT_GRANT + " and g.granted_via is not null", systemId));
        if (said) {
            dsl.execute("update reviews.access_grant g set granted_via = s.granted_via from import_stage s where " + CURRENT_GRANT
                    + " and g.account_name = s.account_name and g.entitlement = s.entitlement and g.granted_via is distinct from s.granted_via",
                    systemId);
        }
    }

    /** Revoked grants this import no longer contains: proven removed. */
    int verifyRemediation(long systemId, long importId) {
        return dsl.execute("update reviews.remediation r set status = 'VERIFIED', verified_import = {1}, updated_at = now(),"
                + " updated_by = 'import', version = r.version + 1 where r.system_id = {0} and r.status in ('OPEN', 'DONE', 'FAILED', 'NOT_REMOVED')"
                + " and not exists (select 1 from reviews.access_grant g where " + CURRENT_GRANT
                + " and g.account_name = r.account_name and g.entitlement = r.entitlement)", systemId, importId);
    }

    /** Revoked grants still present after this import: "revoked but not removed". */
    int flagNotRemoved(long systemId, long importId) {
        return dsl.execute("update reviews.remediation r set status = 'NOT_REMOVED', verified_import = {1}, updated_at = now(),"
                + " updated_by = 'import', version = r.version + 1 where r.system_id = {0} and r.status in ('OPEN', 'DONE', 'FAILED')"
                + " and exists (select 1 from reviews.access_grant g where " + CURRENT_GRANT
                + " and g.account_name = r.account_name and g.entitlement = r.entitlement)", systemId, importId);
    }
}
