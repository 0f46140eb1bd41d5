package dev.steward.platform.db;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import javax.sql.DataSource;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * Brings the embedded server to the shape Steward runs it in, on every start, idempotently: passwords required, the
 * console's role present and owning the database and what is in it. Data directories made by an older Steward
 * (trust authentication, everything owned by the superuser) are upgraded this way on their first start.
 */
final class EmbeddedUpgrade {

    private static final Logger log = LoggerFactory.getLogger(EmbeddedUpgrade.class);

    private EmbeddedUpgrade() {
    }

    /** An old data directory let anyone in: the superuser gets its password, then the server asks for passwords. */
    static void requirePasswords(EmbeddedPostgres postgres, Path dataDirectory, String superuserPassword) throws SQLException {
        try (Connection connection = postgres.getPostgresDatabase().getConnection(); Statement statement = connection.createStatement()) {
            statement.execute("alter role " + AuditSeal.quote(EmbeddedDatabaseConfiguration.SUPERUSER) + " password " + literal(superuserPassword));
            PgHba.requirePasswords(dataDirectory);
            statement.execute("select pg_reload_conf()");
        }
        log.warn("The embedded PostgreSQL accepted connections without a password: it now requires one (the passwords are "
                + "in {}, readable by their owner only)", dataDirectory.getParent().getParent().resolve("database"));
    }

    /** The console's role: may log in, nothing more; owns the console's database (made if missing). */
    static void prepareRuntimeRole(DataSource server, String role, String password, String database) throws SQLException {
        String attributes = " login password " + literal(password) + " nosuperuser nocreatedb nocreaterole noreplication nobypassrls";
        try (Connection connection = server.getConnection(); Statement statement = connection.createStatement()) {
            boolean exists = exists(statement, "select 1 from pg_roles where rolname = " + literal(role));
            statement.execute((exists ? "alter role " : "create role ") + AuditSeal.quote(role) + (exists ? " with" : "") + attributes);
            try (ResultSet owner = statement.executeQuery("select pg_get_userbyid(datdba) from pg_database where datname = " + literal(database))) {
                if (!owner.next()) {
                    statement.execute("create database " + AuditSeal.quote(database) + " owner " + AuditSeal.quote(role));
                } else if (!role.equals(owner.getString(1))) {
                    statement.execute("alter database " + AuditSeal.quote(database) + " owner to " + AuditSeal.quote(role));
                }
            }
        }
    }

    /**
     * Gives what the superuser owns in the database (schemas, tables, views, sequences, functions, types) to the
     * console's role, except extension members and sequences that follow their table. The audit log, once sealed,
     * belongs to the audit role and is left alone.
     */
    static void handOverObjects(DataSource database, String from, String to) throws SQLException {
        String sql = """
                do $$
                declare
                    r record;
                    old_owner oid := %1$s::regrole;
                begin
                    for r in select n.nspname from pg_namespace n
                             where n.nspowner = old_owner and n.nspname not like 'pg\\_%%' and n.nspname <> 'information_schema'
                    loop execute format('alter schema %%I owner to %%I', r.nspname, %2$s); end loop;
                    for r in select c.oid::regclass as name, c.relkind from pg_class c join pg_namespace n on n.oid = c.relnamespace
                             where c.relowner = old_owner and n.nspname not like 'pg\\_%%' and n.nspname <> 'information_schema'
                               and c.relkind in ('r', 'p', 'v', 'm', 'f', 'S')
                               and not exists (select from pg_depend d where d.classid = 'pg_class'::regclass and d.objid = c.oid
                                               and d.deptype in ('a', 'i', 'e'))
                    loop execute format('alter %%s %%s owner to %%I', case r.relkind when 'S' then 'sequence' when 'v' then 'view'
                             when 'm' then 'materialized view' when 'f' then 'foreign table' else 'table' end, r.name, %2$s); end loop;
                    for r in select p.oid::regprocedure as name from pg_proc p join pg_namespace n on n.oid = p.pronamespace
                             where p.proowner = old_owner and n.nspname not like 'pg\\_%%' and n.nspname <> 'information_schema'
                               and not exists (select from pg_depend d where d.classid = 'pg_proc'::regclass and d.objid = p.oid and d.deptype = 'e')
                    loop execute format('alter routine %%s owner to %%I', r.name, %2$s); end loop;
                    for r in select t.oid::regtype as name from pg_type t join pg_namespace n on n.oid = t.typnamespace
                             where t.typowner = old_owner and t.typtype in ('e', 'd', 'r') and n.nspname not like 'pg\\_%%'
                               and n.nspname <> 'information_schema'
                               and not exists (select from pg_depend d where d.classid = 'pg_type'::regclass and d.objid = t.oid and d.deptype = 'e')
                    loop execute format('alter type %%s owner to %%I', r.name, %2$s); end loop;
                end $$
                """.formatted(literal(AuditSeal.quote(from)), literal(to));
        try (Connection connection = database.getConnection(); Statement statement = connection.createStatement()) {
            statement.execute(sql);
        }
    }

    private static boolean exists(Statement statement, String sql) throws SQLException {
        try (ResultSet rows = statement.executeQuery(sql)) {
            return rows.next();
        }
    }

    static String literal(String value) {
        return "'" + value.replace("'", "''") + "'";
    }
}
