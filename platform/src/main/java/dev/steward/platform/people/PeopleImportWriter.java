package dev.steward.platform.people;

import dev.steward.platform.spi.PeopleChanged;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.jooq.DSLContext;
import org.postgresql.PGConnection;
import org.springframework.stereotype.Component;

import java.io.IOException;
import java.io.StringReader;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/**
 * Writes checked import rows in the caller's transaction, set-based: COPY into a temporary table, then create
 * missing org units, then one upsert of people with their managers (touching only rows whose values differ).
 */
@Component
class PeopleImportWriter {

    private final DSLContext dsl;

    PeopleImportWriter(DSLContext dsl) {
        this.dsl = dsl;
    }

    /** What an import wrote: its counts, and who moved to another org unit or became terminated. */
    record Written(ImportResult result, List<PeopleChanged.Move> moves, List<PeopleChanged.Termination> terminations) {
    }

    Written write(List<ImportRow> rows) {
        dsl.execute("""
                create temporary table person_import (
                    employee_id varchar(50) primary key, full_name varchar(200), email varchar(254), title varchar(200),
                    org_unit varchar(50), org_unit_name varchar(200), manager_employee_id varchar(50), employment_status varchar(20),
                    start_date date, end_date date, id bigint) on commit drop""");
        copy(rows);
        int orgUnits = dsl.execute("""
                insert into platform.org_unit (code, name)
                select distinct on (org_unit) org_unit, coalesce(org_unit_name, org_unit) from person_import
                where org_unit is not null order by org_unit, org_unit_name
                on conflict (code) do nothing""");
        // ids up front (existing people keep theirs, new ones draw from the identity sequence), so that one
        // upsert can set every field and the manager; foreign keys are checked at the end of the statement
        dsl.execute("update person_import i set id = p.id from platform.person p where p.employee_id = i.employee_id");
        dsl.execute("update person_import set id = nextval(pg_get_serial_sequence('platform.person', 'id')) where id is null");
        List<PeopleChanged.Move> moves = new ArrayList<>();
        List<PeopleChanged.Termination> terminations = new ArrayList<>();
        changes(moves, terminations);
        dsl.execute("""
                insert into platform.person as p (id, employee_id, full_name, email, title, org_unit_id, manager_id,
                                                  employment_status, start_date, end_date)
                select i.id, i.employee_id, i.full_name, i.email, i.title, o.id, coalesce(mi.id, mp.id),
                       i.employment_status, i.start_date, i.end_date
                from person_import i
                left join platform.org_unit o on o.code = i.org_unit
                left join person_import mi on mi.employee_id = i.manager_employee_id
                left join platform.person mp on mp.employee_id = i.manager_employee_id and mi.id is null
                on conflict (employee_id) do update set
                    full_name = excluded.full_name, email = excluded.email, title = excluded.title,
                    org_unit_id = excluded.org_unit_id, manager_id = excluded.manager_id,
                    employment_status = excluded.employment_status, start_date = excluded.start_date,
                    end_date = excluded.end_date, version = p.version + 1, updated_at = now()
                where (p.full_name, p.email, p.title, p.org_unit_id, p.manager_id, p.employment_status, p.start_date,
                       p.end_date)
                      is distinct from (excluded.full_name, excluded.email, excluded.title, excluded.org_unit_id,
                                        excluded.manager_id, excluded.employment_status, excluded.start_date,
                                        excluded.end_date)""");
        // now() is the transaction's start time: rows created or touched by this import carry exactly it
        var counts = dsl.fetchOne("""
                select count(*) filter (where p.created_at = now()) as added,
                       count(*) filter (where p.created_at < now() and p.updated_at = now()) as changed
                from person_import i join platform.person p on p.employee_id = i.employee_id""");
        int added = counts.get("added", Integer.class);
        int changed = counts.get("changed", Integer.class);
        return new Written(new ImportResult(added, changed, rows.size() - added - changed, orgUnits), moves, terminations);
    }

    /**
     * Who the import moves from one org unit to another, and who it terminates, read once for the whole file before the
     * people are written (one join of the imported rows with the directory, not a query per row).
     */
    private void changes(List<PeopleChanged.Move> moves, List<PeopleChanged.Termination> terminations) {
        try (var cursor = dsl.resultQuery("""
                select p.id, p.org_unit_id, o.id to_unit, p.employment_status, i.employment_status new_status
                from person_import i join platform.person p on p.employee_id = i.employee_id
                left join platform.org_unit o on o.code = i.org_unit
                where (p.org_unit_id is not null and o.id is not null and p.org_unit_id <> o.id)
                   or (i.employment_status = 'TERMINATED' and p.employment_status <> 'TERMINATED')""").fetchSize(5_000).fetchLazy()) {
            for (var r : cursor) {
                long id = r.get(0, Long.class);
                Long from = r.get(1, Long.class);
                Long to = r.get(2, Long.class);
                if (from != null && to != null && !from.equals(to)) {
                    moves.add(new PeopleChanged.Move(id, from, to));
                }
                String before = r.get(3, String.class);
                if ("TERMINATED".equals(r.get(4, String.class)) && !"TERMINATED".equals(before)) {
                    terminations.add(new PeopleChanged.Termination(id, EmploymentStatus.valueOf(before)));
                }
            }
        }
    }

    private void copy(List<ImportRow> rows) {
        StringWriter csv = new StringWriter(rows.size() * 96);
        try (CSVPrinter printer = new CSVPrinter(csv, CSVFormat.POSTGRESQL_CSV)) {
            for (ImportRow r : rows) {
                printer.printRecord(r.employeeId(), r.fullName(), r.email(), r.title(), r.orgUnit(), r.orgUnitName(), r.managerEmployeeId(),
                        r.status().name(), r.startDate(), r.endDate());
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        dsl.connection(connection -> {
            try {
                connection.unwrap(PGConnection.class).getCopyAPI()
                        .copyIn("copy person_import (employee_id, full_name, email, title, org_unit, org_unit_name, manager_employee_id, "
                                + "employment_status, start_date, end_date) from stdin with (format csv)", new StringReader(csv.toString()));
            } catch (IOException e) {
                throw new SQLException("COPY into the import table failed", e);
            }
        });
    }
}
