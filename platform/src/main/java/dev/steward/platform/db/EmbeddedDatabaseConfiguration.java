package dev.steward.platform.db;

import com.zaxxer.hikari.HikariDataSource;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Condition;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.type.AnnotatedTypeMetadata;

import javax.sql.DataSource;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;

/**
 * The embedded default: with no {@code spring.datasource.url} configured, Steward starts its own PostgreSQL 18 whose
 * data directory persists under the Steward home ({@code steward.home}, default {@code ~/.steward}).
 * <p>
 * Every connection to it needs a password (scram-sha-256, also over the Unix socket). The superuser {@code postgres}
 * and the console's own role {@code steward} each have a random one, kept in {@code <home>/database/} readable by the
 * owner only. The console runs as {@code steward}: no superuser, owner of the database and its business tables, but
 * not of the audit log ({@link AuditSeal}); the superuser is only used to set that up at start.
 */
@Configuration(proxyBeanMethods = false)
@Conditional(EmbeddedDatabaseConfiguration.NoDatasourceConfigured.class)
public class EmbeddedDatabaseConfiguration {

    private static final Logger log = LoggerFactory.getLogger(EmbeddedDatabaseConfiguration.class);
    static final String DATABASE = "steward";
    static final String RUNTIME_ROLE = "steward";
    static final String SUPERUSER = "postgres";

    /** The embedded server's passwords, in the Steward home. */
    record Passwords(PasswordFile superuser, PasswordFile runtime) {
        static Passwords in(Path home) {
            Path directory = home.resolve("database");
            return new Passwords(new PasswordFile(directory.resolve("postgres.password")),
                    new PasswordFile(directory.resolve(RUNTIME_ROLE + ".password")));
        }
    }

    @Bean
    Passwords embeddedPasswords(@Value("${steward.home}") Path home) {
        return Passwords.in(home);
    }

    @Bean(destroyMethod = "close")
    EmbeddedPostgres embeddedPostgres(@Value("${steward.home}") Path home, Passwords passwords) throws IOException, SQLException {
        Path dataDirectory = dataDirectory(home);
        Files.createDirectories(dataDirectory);
        log.info("No datasource configured: starting the embedded PostgreSQL with its data in {}", dataDirectory);
        boolean fresh = !Files.exists(dataDirectory.resolve("postgresql.conf"));
        boolean trusting = !fresh && PgHba.trustsAnyone(dataDirectory);
        if (!fresh && !trusting && !passwords.superuser().exists()) {
            throw new IllegalStateException("The embedded PostgreSQL in " + dataDirectory + " needs the superuser password kept in "
                    + passwords.superuser().path() + ", which is missing. Restore that file from a backup of the Steward home.");
        }
        String superuserPassword = passwords.superuser().readOrCreate();
        if (!fresh) {
            LeftoverPostmaster.clear(dataDirectory);
        }
        // PostgreSQL's defaults are sized for a shared machine: 128 MB of buffers make a million-row launch or import write
        // out its own pages, and a checkpoint every 1 GB of WAL falls in the middle of one. The tests' server (testkit
        // TestPostgres) uses the same two settings.
        // zonky starts the server for tests, with -F (fsync off) and synchronous_commit off: a host crash would lose
        // committed data and could corrupt the data directory. The -c settings come after -F on the command line and win.
        EmbeddedPostgres.Builder builder = EmbeddedPostgres.builder()
                .setDataDirectory(dataDirectory)
                .setCleanDataDirectory(false)
                .setServerConfig("fsync", "on")
                .setServerConfig("synchronous_commit", "on")
                .setServerConfig("full_page_writes", "on")
                .setServerConfig("shared_buffers", "512MB")
                .setServerConfig("max_wal_size", "4GB")
                .setServerConfig("checkpoint_timeout", "15min")
                .setServerConfig("password_encryption", "scram-sha-256")
                // zonky checks readiness with a connection of its own: give it the password
                .setConnectConfig("password", superuserPassword);
        if (fresh) {
            // zonky runs initdb with -A trust; these later options win: the superuser gets its password at once
            builder.setLocaleConfig("auth", "scram-sha-256").setLocaleConfig("pwfile", passwords.superuser().path().toString());
        }
        if (!trusting) {
            builder.setDataDirectoryCustomizer(directory -> PgHba.requirePasswords(directory.toPath()));
        }
        EmbeddedPostgres postgres = builder.start();
        if (trusting) {
            EmbeddedUpgrade.requirePasswords(postgres, dataDirectory, superuserPassword);
        }
        return postgres;
    }

    /** Stops the console if its server dies under it; closed (before the server is stopped) when the console stops. */
    @Bean(destroyMethod = "close")
    EmbeddedServerWatch embeddedServerWatch(EmbeddedPostgres postgres, @Value("${steward.home}") Path home) {
        return new EmbeddedServerWatch(dataDirectory(home), EmbeddedServerWatch.exitTheConsole());
    }

    static Path dataDirectory(Path home) {
        return home.resolve("data").resolve("postgres").toAbsolutePath();
    }

    @Bean
    AdminCredentials embeddedAdmin(EmbeddedPostgres postgres, Passwords passwords) {
        return new AdminCredentials(postgres.getJdbcUrl(SUPERUSER, DATABASE).replaceFirst("\\?user=.*", ""), SUPERUSER,
                passwords.superuser().readOrCreate());
    }

    @Bean(destroyMethod = "close")
    DataSource dataSource(EmbeddedPostgres postgres, Passwords passwords) throws SQLException {
        String runtimePassword = passwords.runtime().readOrCreate();
        EmbeddedUpgrade.prepareRuntimeRole(postgres.getPostgresDatabase(), RUNTIME_ROLE, runtimePassword, DATABASE);
        EmbeddedUpgrade.handOverObjects(postgres.getDatabase(SUPERUSER, DATABASE), SUPERUSER, RUNTIME_ROLE);
        HikariDataSource dataSource = new HikariDataSource();
        dataSource.setJdbcUrl(postgres.getJdbcUrl(RUNTIME_ROLE, DATABASE).replaceFirst("\\?user=.*", ""));
        dataSource.setUsername(RUNTIME_ROLE);
        dataSource.setPassword(runtimePassword);
        dataSource.setPoolName("steward-embedded");
        dataSource.setMaximumPoolSize(10);
        return dataSource;
    }

    static class NoDatasourceConfigured implements Condition {
        @Override
        public boolean matches(ConditionContext context, AnnotatedTypeMetadata metadata) {
            String url = context.getEnvironment().getProperty("spring.datasource.url");
            return url == null || url.isBlank();
        }
    }
}
