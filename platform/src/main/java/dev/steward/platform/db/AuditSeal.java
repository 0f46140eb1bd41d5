package dev.steward.platform.db;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Seals the audit log: its tables ({@code platform.audit_log}, {@code platform.audit_checkpoint}), their trigger
 * function and the {@code platform} schema belong to a role that cannot log in ({@code <database>_audit}); the
 * console's role may only read and append to the log, and create and use its other platform tables. So the
 * console's role can neither edit nor delete entries, nor switch the append-only triggers off, nor drop the tables.
 * Sealing needs an administrative connection ({@link DatabaseAdmin}); without one, the log says what a DBA should run.
 */
@Component
public class AuditSeal {

    private static final Logger log = LoggerFactory.getLogger(AuditSeal.class);
    static final List<String> TABLES = List.of("platform.audit_log", "platform.audit_checkpoint");
    static final String FUNCTION = "platform.audit_log_append_only()";

    private final DataSource dataSource;
    private final DatabaseAdmin admin;

    public AuditSeal(DataSource dataSource, DatabaseAdmin admin) {
        this.dataSource = dataSource;
        this.admin = admin;
    }

    /** Gives the audit objects to the audit role (idempotent), or says in the log what a DBA should run. */
    public void seal() {
        Identity identity = identity();
        if (!admin.available()) {
            problem().ifPresent(problem -> log.warn("""
                    The audit log is not sealed: {}. Entries are hash-chained and checkpointed, but the console's \
                    database role could still change them. Configure steward.database.admin-url (with admin-username \
                    and admin-password) so the console seals it at start, or have a DBA run, in database {}:
                    {}""", problem, identity.database(), String.join("\n", sealStatements(identity))));
            return;
        }
        run(sealStatements(identity));
        log.info("Audit log sealed: role {} may only read and append to it (owner: {})", identity.role(), identity.auditRole());
    }

    /** Gives the audit objects back to the console's role, so that a platform migration may alter them. */
    public void unseal() {
        if (!admin.available()) {
            return;
        }
        Identity identity = identity();
        if (!sealedFor(identity)) {
            return;
        }
        String role = quote(identity.role());
        List<String> statements = new ArrayList<>();
        statements.add("alter schema platform owner to " + role);
        for (String table : TABLES) {
            statements.add("do $$ begin if to_regclass('" + table + "') is not null then execute 'alter table " + table
                    + " owner to " + role.replace("'", "''") + "'; end if; end $$");
        }
        statements.add("alter function " + FUNCTION + " owner to " + role);
        run(statements);
        log.info("Audit log unsealed for a platform migration");
    }

    /** Why the console's role could change the audit log, or empty when it may only read and append. */
    public Optional<String> problem() {
        String sql = """
                select r.rolsuper, r.rolname, c.relname,
                       pg_has_role(current_user, c.relowner, 'USAGE') as owns_table,
                       pg_has_role(current_user, n.nspowner, 'USAGE') as owns_schema,
                       has_table_privilege(c.oid, 'UPDATE') or has_table_privilege(c.oid, 'DELETE')
                           or has_table_privilege(c.oid, 'TRUNCATE') or has_table_privilege(c.oid, 'TRIGGER') as may_change
                from pg_roles r, pg_class c join pg_namespace n on n.oid = c.relnamespace
                where r.rolname = current_user and n.nspname = 'platform' and c.relname in ('audit_log', 'audit_checkpoint')
                order by c.relname desc
                """;
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery(sql)) {
            while (rows.next()) {
                String role = rows.getString("rolname");
                String table = "platform." + rows.getString("relname");
                if (rows.getBoolean("rolsuper")) {
                    return Optional.of("the console's database role " + role + " is a superuser");
                }
                if (rows.getBoolean("owns_table")) {
                    return Optional.of("the console's database role " + role + " owns " + table);
                }
                if (rows.getBoolean("owns_schema")) {
                    return Optional.of("the console's database role " + role + " owns schema platform");
                }
                if (rows.getBoolean("may_change")) {
                    return Optional.of("the console's database role " + role + " may update, delete or truncate " + table);
                }
            }
            return Optional.empty();
        } catch (SQLException e) {
            throw new IllegalStateException("Could not check who may change the audit log: " + e.getMessage(), e);
        }
    }

    static List<String> sealStatements(Identity identity) {
        String role = quote(identity.role());
        String auditRole = quote(identity.auditRole());
        List<String> statements = new ArrayList<>();
        statements.add("do $$ begin if not exists (select from pg_roles where rolname = '" + identity.auditRole().replace("'", "''")
                + "') then create role " + auditRole + " nologin; end if; end $$;");
        statements.add("alter schema platform owner to " + auditRole + ";");
        statements.add("grant usage, create on schema platform to " + role + ";");
        for (String table : TABLES) {
            statements.add("alter table " + table + " owner to " + auditRole + ";");
            statements.add("revoke all on table " + table + " from " + role + ", public;");
            statements.add("grant select, insert on table " + table + " to " + role + ";");
        }
        statements.add("alter function " + FUNCTION + " owner to " + auditRole + ";");
        return statements;
    }

    private boolean sealedFor(Identity identity) {
        try (Connection connection = admin.connect();
             var query = connection.prepareStatement("select 1 from pg_namespace where nspname = 'platform' and pg_get_userbyid(nspowner) = ?")) {
            query.setString(1, identity.auditRole());
            try (ResultSet row = query.executeQuery()) {
                return row.next();
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Could not check the audit log's seal as the administrator: " + e.getMessage(), e);
        }
    }

    private void run(List<String> statements) {
        try (Connection connection = admin.connect(); Statement statement = connection.createStatement()) {
            connection.setAutoCommit(false);
            for (String sql : statements) {
                statement.execute(sql);
            }
            connection.commit();
        } catch (SQLException e) {
            throw new IllegalStateException("Could not seal or unseal the audit log as the administrator: " + e.getMessage(), e);
        }
    }

    Identity identity() {
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement();
             ResultSet row = statement.executeQuery("select current_user, current_database()")) {
            row.next();
            return new Identity(row.getString(1), row.getString(2));
        } catch (SQLException e) {
            throw new IllegalStateException("Could not ask the database who the console is: " + e.getMessage(), e);
        }
    }

    /** The console's role, its database and the role that owns the audit log there. */
    record Identity(String role, String database) {
        String auditRole() {
            return database + "_audit";
        }
    }

    static String quote(String identifier) {
        return '"' + identifier.replace("\"", "\"\"") + '"';
    }
}
