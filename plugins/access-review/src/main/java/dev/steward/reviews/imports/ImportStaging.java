package dev.steward.reviews.imports;

import dev.steward.platform.validation.InvalidInputException.Problem;
import org.jooq.DSLContext;
import org.jooq.Record;
import org.postgresql.PGConnection;

import java.io.IOException;
import java.sql.SQLException;
import java.util.List;

/**
 * The SQL side of an import: the temporary tables of staged rows and of the import's accounts, the confirmation of
 * duplicates, the comparison with the current snapshot, and the set-based apply. Accounts and grants keep one row per
 * period of presence.
 */
final class ImportStaging {

    /** A grant in the current snapshot of system {0}. */
    private static final String CURRENT_GRANT = "g.system_id = {0} and g.removed_import is null";

    /** The staged rows (s) whose current grant (g) of system {0} is held another way. */
    private static final String HELD_ANOTHER_WAY = "from import_stage s join reviews.access_grant g on g.account_name = s.account_name"
            + " and g.entitlement = s.entitlement where " + CURRENT_GRANT + " and g.granted_via is distinct from s.granted_via";

    private final DSLContext dsl;

    ImportStaging(DSLContext dsl) {
        this.dsl = dsl;
    }

    void create() {
        dsl.execute("drop table if exists import_stage");
        dsl.execute("create temporary table import_stage (line bigint not null, account_name varchar(200) not null,"
                + " entitlement varchar(300) not null, granted_via varchar(300)) on commit drop");
        dsl.execute("drop table if exists import_accounts");
        dsl.execute("create temporary table import_accounts (account_name varchar(200) not null, employee_id varchar(50),"
                + " email varchar(254), display_name varchar(200), last_login timestamptz, disabled boolean not null, grants integer not null)"
                + " on commit drop");
    }

    /** Whether the system has current grants: when it has none, an import writes its rows straight into the snapshot. */
    boolean hasCurrentGrants(long systemId) {
        return dsl.fetchExists(dsl.selectOne().from("reviews.access_grant g").where(CURRENT_GRANT, systemId));
    }

    /** Rows into the staging table, to be compared with the current snapshot. */
    static ImportRows.Sink stage(PGConnection connection) throws SQLException {
        return new CopySink(new CopyWriter(connection, "import_stage (line, account_name, entitlement, granted_via)"), null);
    }

    /** Rows straight into the snapshot as grants added by the import: written once, for a system with no current grants. */
    static ImportRows.Sink snapshot(PGConnection connection, long systemId, long importId) throws SQLException {
        return new CopySink(new CopyWriter(connection, "reviews.access_grant (system_id, added_import, account_name, entitlement,"
                + " granted_via)"), systemId + "\t" + importId);
    }

    /** Rows into a COPY, each after the row's line (staging) or after the same system and import (the snapshot). */
    private record CopySink(CopyWriter out, String keys) implements ImportRows.Sink {
        @Override
        public void row(long line, String account, String entitlement, String grantedVia) throws IOException {
            (keys == null ? out.value(line) : out.plain(keys)).value(account).value(entitlement).value(grantedVia).endRow();
        }

        @Override
        public void close() throws IOException {
            out.close();
        }
    }

    /** The accounts of the import, with their details and number of grants, into {@code import_accounts}. */
    static void writeAccounts(PGConnection connection, ImportRows rows) throws SQLException, IOException {
        try (CopyWriter out = new CopyWriter(connection, "import_accounts (account_name, employee_id, email, display_name, last_login, disabled,"
                + " grants)")) {
            for (ImportRows.Account a : rows.accounts()) {
                out.value(a.name).value(a.employeeId).value(a.email).value(a.displayName)
                        .value(a.lastLogin == null ? null : a.lastLogin.toString()).value(a.disabled ? "t" : "f").value(a.grants).endRow();
            }
        }
    }

    /** Statistics for planning the comparison and the apply (a small sample: the rows' shape is simple). */
    void analyze() {
        analyzeSampled(10, "import_stage");
        dsl.execute("analyze import_accounts");
    }

    /** Statistics of the tables from a sample of 300 x {@code target} rows, not the server's default sample. */
    void analyzeSampled(int target, String... tables) {
        dsl.execute("set local default_statistics_target = " + target);
        for (String table : tables) {
            dsl.execute("analyze " + table);
        }
        dsl.execute("reset default_statistics_target");
    }

    /**
     * The duplicate candidates that are duplicates: their pair is written more than once, in the staging table or, when
     * the rows went straight into the snapshot, among the grants this import added. One pass over the written rows.
     */
    List<Problem> duplicateProblems(List<ImportRows.DuplicateCandidate> candidates, long systemId, Long importId) {
        if (candidates.isEmpty()) {
            return List.of();
        }
        String written = importId == null ? "select account_name, entitlement from import_stage"
                : "select account_name, entitlement from reviews.access_grant where system_id = {4} and added_import = {5}";
        List<Object> arguments = new java.util.ArrayList<>(List.of(
                candidates.stream().map(ImportRows.DuplicateCandidate::line).toArray(Long[]::new),
                candidates.stream().map(ImportRows.DuplicateCandidate::firstLine).toArray(Long[]::new),
                candidates.stream().map(ImportRows.DuplicateCandidate::account).toArray(String[]::new),
                candidates.stream().map(ImportRows.DuplicateCandidate::entitlement).toArray(String[]::new)));
        if (importId != null) {
            arguments.addAll(List.of(systemId, importId));
        }
        return dsl.fetch("""
                        with c as (select * from unnest({0}::bigint[], {1}::bigint[], {2}::varchar[], {3}::varchar[])
                                       c(line, first_line, account, entitlement)),
                        n as (select w.account_name, w.entitlement, count(*) n from (%s) w
                              join (select distinct account, entitlement from c) k on k.account = w.account_name and k.entitlement = w.entitlement
                              group by w.account_name, w.entitlement)
                        select c.line, c.first_line, c.account, c.entitlement from c
                        join n on n.account_name = c.account and n.entitlement = c.entitlement where n.n > 1 order by c.line
                        """.formatted(written), arguments.toArray())
                .map(r -> new Problem(r.get("line", Long.class), null, "Duplicate of line " + r.get("first_line", Long.class)
                        + " (" + r.get("account") + " \u00b7 " + r.get("entitlement") + ")"));
    }

    ImportPreview compare(long systemId, ImportRows read) {
        Record counts = dsl.fetchOne("""
                select (select count(*) from import_stage) rows_,
                       (select count(*) from import_accounts) accounts,
                       (select count(*) from import_stage s where not exists (select 1 from reviews.access_grant g
                            where %1$s and g.account_name = s.account_name and g.entitlement = s.entitlement)) added,
                       (select count(*) from reviews.access_grant g where %1$s and not exists (select 1 from import_stage s
                            where s.account_name = g.account_name and s.entitlement = g.entitlement)) removed,
                       (select count(*) from reviews.account a where a.system_id = {0} and a.removed_import is null
                            and not exists (select 1 from import_accounts s where s.account_name = a.account_name)) accounts_removed,
                       (select count(*) from import_accounts s where not exists
                            (select 1 from reviews.account a where a.system_id = {0} and a.removed_import is null
                             and a.account_name = s.account_name)) accounts_added,
                       (select count(*) from reviews.account a join import_accounts s on s.account_name = a.account_name
                            where a.system_id = {0} and a.removed_import is null and (a.employee_id, a.email, a.display_name,
                            a.last_login, a.disabled) is distinct from (s.employee_id, s.email, s.display_name, s.last_login,
                            s.disabled)) accounts_changed
                """.formatted(CURRENT_GRANT), systemId);
        long rows = counts.get("rows_", Long.class);
        long added = counts.get("added", Long.class);
        List<String> sampleAdded = dsl.fetch("select account_name || ' · ' || entitlement from import_stage s where not exists"
                + " (select 1 from reviews.access_grant g where " + CURRENT_GRANT + " and g.account_name = s.account_name"
                + " and g.entitlement = s.entitlement) order by line limit 5", systemId).getValues(0, String.class);
        List<String> sampleRemoved = dsl.fetch("select account_name || ' · ' || entitlement from reviews.access_grant g where "
                + CURRENT_GRANT + " and not exists (select 1 from import_stage s where s.account_name = g.account_name"
                + " and s.entitlement = g.entitlement) order by account_name, entitlement limit 5", systemId).getValues(0, String.class);
        long howGranted = 0;
        List<String> sampleHowGranted = List.of();
        if (added < rows && howGrantedSaid(systemId)) { // only a grant that stays can be held another way
            howGranted = dsl.fetchSingle("select count(*) " + HELD_ANOTHER_WAY, systemId).get(0, Long.class);
            sampleHowGranted = dsl.fetch("select s.account_name, s.entitlement, g.granted_via before, s.granted_via after "
                    + HELD_ANOTHER_WAY + " order by s.line limit 5", systemId).map(r -> r.get("account_name") + " · " + r.get("entitlement")
                    + ": " + HowGranted.change(r.get("before", String.class), r.get("after", String.class)));
        }
        return new ImportPreview(rows, counts.get("accounts", Long.class), added, counts.get("removed", Long.class),
                rows - added - howGranted, howGranted, counts.get("accounts_added", Long.class), counts.get("accounts_changed", Long.class),
                counts.get("accounts_removed", Long.class), sampleAdded, sampleRemoved, sampleHowGranted, read.notes());
    }

    /**
     * Applies the import as the new snapshot; returns what changed (without samples: those are for previews). Rows that
     * went straight into the snapshot ({@code direct}) are all added grants; staged rows are compared with the current
     * grants by hash joins (the grants table has no per-row index: see V15). A grant held another way ends its row
     * and gets a new one (V22), like an account whose details change.
     */
    ImportPreview apply(long systemId, long importId, ImportRows rows, boolean direct) {
        long added = rows.rows();
        int removed = 0;
        int howGranted = 0;
        if (!direct) {
            // a million staged rows against as many grants: hash joins that fit in memory
            dsl.execute("set local work_mem = '128MB'");
            howGranted = endHeldAnotherWay(systemId, importId);
            removed = dsl.execute("update reviews.access_grant g set removed_import = {1} where " + CURRENT_GRANT
                    + " and not exists (select 1 from import_stage s where s.account_name = g.account_name and s.entitlement = g.entitlement)",
                    systemId, importId);
            // the new grants, and the new rows of those held another way (their old rows ended above)
            int inserted = dsl.execute("insert into reviews.access_grant (system_id, account_name, entitlement, granted_via, added_import)"
                    + " select {0}, s.account_name, s.entitlement, s.granted_via, {1} from import_stage s where not exists (select 1 from"
                    + " reviews.access_grant g where " + CURRENT_GRANT + " and g.account_name = s.account_name and g.entitlement = s.entitlement)",
                    systemId, importId);
            added = inserted - howGranted;
        }
        int accountsRemoved = dsl.execute("update reviews.account a set removed_import = {1} where a.system_id = {0}"
                + " and a.removed_import is null and not exists (select 1 from import_accounts s where s.account_name = a.account_name)",
                systemId, importId);
        // an account whose details changed gets a new row: the old one ends with this import
        int accountsChanged = dsl.execute("update reviews.account a set removed_import = {1} from import_accounts s"
                + " where a.system_id = {0} and a.removed_import is null and s.account_name = a.account_name and (s.employee_id, s.email,"
                + " s.display_name, s.last_login, s.disabled) is distinct from (a.employee_id, a.email, a.display_name, a.last_login,"
                + " a.disabled)",
                systemId, importId);
        int accountsInserted = dsl.execute("insert into reviews.account (system_id, account_name, employee_id, email, display_name,"
                + " last_login, disabled, grants, added_import) select {0}, s.account_name, s.employee_id, s.email, s.display_name,"
                + " s.last_login, s.disabled, s.grants, {1} from import_accounts s where not exists (select 1 from reviews.account a where a.system_id = {0}"
                + " and a.removed_import is null and a.account_name = s.account_name)", systemId, importId);
        dsl.execute("update reviews.account a set grants = s.grants from import_accounts s where a.system_id = {0}"
                + " and a.removed_import is null and s.account_name = a.account_name and a.grants <> s.grants", systemId);
        // an entitlement the source marks privileged starts privileged; one the system knows keeps the administrator's decision
        dsl.execute("insert into reviews.entitlement (system_id, name, privileged, version) select {0}, e, e = any({2}::varchar[]), 0"
                + " from unnest({1}::varchar[]) e on conflict (system_id, name) do nothing", systemId,
                rows.entitlements().toArray(String[]::new), rows.privilegedEntitlements().toArray(String[]::new));
        return new ImportPreview(rows.rows(), rows.accountCount(), added, removed, rows.rows() - added - howGranted, howGranted,
                accountsInserted - accountsChanged, accountsChanged, accountsRemoved, List.of(), List.of(), List.of(), rows.notes());
    }

    /**
     * Ends the current grants that the import holds another way (the insert that follows gives them their new row, so
     * the snapshots before keep how they were held; a review item keeps what it was at launch); returns how many.
     * Skipped, with its join over every grant, when neither the file nor the snapshot says how grants are held.
     */
    private int endHeldAnotherWay(long systemId, long importId) {
        if (!howGrantedSaid(systemId)) {
            return 0;
        }
        return dsl.execute("update reviews.access_grant g set removed_import = {1} from import_stage s where " + CURRENT_GRANT
                + " and g.account_name = s.account_name and g.entitlement = s.entitlement and g.granted_via is distinct from s.granted_via",
                systemId, importId);
    }

    /** Whether the staged rows or the system's current grants say how a grant is held: else nothing is held another way. */
    private boolean howGrantedSaid(long systemId) {
        return dsl.fetchExists(dsl.selectOne().from("import_stage").where("granted_via is not null"))
                || dsl.fetchExists(dsl.selectOne().from("reviews.access_grant g").where(CURRENT_GRANT + " and g.granted_via is not null", systemId));
    }

    /** Revoked grants this import no longer contains: proven removed (each with a mark in its history). */
    int verifyRemediation(long systemId, long importId) {
        return dsl.execute("with marked as (update reviews.remediation r set status = 'VERIFIED', verified_import = {1}, updated_at = now(),"
                + " updated_by = 'import', version = r.version + 1 where r.system_id = {0} and r.status in ('OPEN', 'DONE', 'FAILED', 'NOT_REMOVED')"
                + " and not exists (select 1 from reviews.access_grant g where " + CURRENT_GRANT
                + " and g.account_name = r.account_name and g.entitlement = r.entitlement) returning r.id)"
                + " insert into reviews.remediation_mark (remediation_id, status, note, marked_by, import_id)"
                + " select id, 'VERIFIED', 'Gone from the snapshot', 'import', {1} from marked", systemId, importId);
    }

    /**
     * Revoked grants still present after this import: those marked open or done become "revoked but not removed"
     * (with a mark); a failed one stays failed, as its marker said. Returns every revocation still present, also those
     * an earlier import flagged: an unchanged re-import reports them again, not zero.
     */
    int flagNotRemoved(long systemId, long importId) {
        String present = " and exists (select 1 from reviews.access_grant g where " + CURRENT_GRANT
                + " and g.account_name = r.account_name and g.entitlement = r.entitlement)";
        dsl.execute("with marked as (update reviews.remediation r set status = 'NOT_REMOVED', verified_import = {1}, updated_at = now(),"
                + " updated_by = 'import', version = r.version + 1 where r.system_id = {0} and r.status in ('OPEN', 'DONE')" + present
                + " returning r.id) insert into reviews.remediation_mark (remediation_id, status, note, marked_by, import_id)"
                + " select id, 'NOT_REMOVED', 'Still in the snapshot', 'import', {1} from marked", systemId, importId);
        return dsl.fetchSingle("select count(*) from reviews.remediation r where r.system_id = {0}"
                + " and r.status in ('NOT_REMOVED', 'FAILED')" + present, systemId).get(0, Integer.class);
    }
}
