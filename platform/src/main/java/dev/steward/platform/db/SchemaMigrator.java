package dev.steward.platform.db;

import org.flywaydb.core.Flyway;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

import javax.sql.DataSource;

/**
 * Runs Flyway per module: each module owns one schema and keeps its own history table in it. The platform schema
 * is migrated when this bean is created (before anything reads the database); plugins are migrated by the registry.
 */
@Component("schemaMigrator")
public class SchemaMigrator {

    private static final Logger log = LoggerFactory.getLogger(SchemaMigrator.class);

    private final DataSource dataSource;

    public SchemaMigrator(DataSource dataSource) {
        this.dataSource = dataSource;
        migrate("platform", "db/platform", SchemaMigrator.class.getClassLoader());
    }

    public void migrate(String schema, String location, ClassLoader classLoader) {
        var result = Flyway.configure(classLoader)
                .dataSource(dataSource)
                .schemas(schema)
                .createSchemas(true)
                .table("flyway_schema_history")
                .locations("classpath:" + location)
                .failOnMissingLocations(true)
                .load()
                .migrate();
        log.info("Schema {}: {} migration(s) applied, now at version {}", schema, result.migrationsExecuted,
                result.targetSchemaVersion == null ? "(unchanged)" : result.targetSchemaVersion);
    }
}
