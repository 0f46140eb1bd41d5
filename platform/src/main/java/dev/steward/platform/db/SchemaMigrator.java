package dev.steward.platform.db;

import org.flywaydb.core.Flyway;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

import javax.sql.DataSource;

/**
 * Runs Flyway per module: each module owns one schema and keeps its own history table in it. The platform schema
 * is migrated when this bean is created (before anything reads the database); plugins are migrated by the registry.
 * The audit log is sealed after the platform's migrations ({@link AuditSeal}), and unsealed before them when some are
 * pending, so that a migration may still alter it.
 */
@Component("schemaMigrator")
public class SchemaMigrator {

    private static final Logger log = LoggerFactory.getLogger(SchemaMigrator.class);

    private final DataSource dataSource;

    @Autowired
    public SchemaMigrator(DataSource dataSource, AuditSeal seal) {
        this.dataSource = dataSource;
        Flyway platform = flyway("platform", "db/platform", SchemaMigrator.class.getClassLoader());
        if (platform.info().pending().length > 0) {
            seal.unseal();
        }
        migrate("platform", platform);
        seal.seal();
    }

    /** For tools and benchmarks outside a console: migrates the platform schema and leaves the audit log unsealed. */
    public SchemaMigrator(DataSource dataSource) {
        this.dataSource = dataSource;
        migrate("platform", flyway("platform", "db/platform", SchemaMigrator.class.getClassLoader()));
    }

    public void migrate(String schema, String location, ClassLoader classLoader) {
        migrate(schema, flyway(schema, location, classLoader));
    }

    private Flyway flyway(String schema, String location, ClassLoader classLoader) {
        return Flyway.configure(classLoader)
                .dataSource(dataSource)
                .schemas(schema)
                .createSchemas(true)
                .table("flyway_schema_history")
                .locations("classpath:" + location)
                .failOnMissingLocations(true)
                .load();
    }

    private static void migrate(String schema, Flyway flyway) {
        var result = flyway.migrate();
        log.info("Schema {}: {} migration(s) applied, now at version {}", schema, result.migrationsExecuted,
                result.targetSchemaVersion == null ? "(unchanged)" : result.targetSchemaVersion);
    }
}
