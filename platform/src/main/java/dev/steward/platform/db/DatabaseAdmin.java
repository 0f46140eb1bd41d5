package dev.steward.platform.db;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.Optional;
import java.util.Properties;

/**
 * An administrative connection to the console's database, if the console has one: the embedded server's superuser,
 * or {@code steward.database.admin-url} (default: the datasource's URL) with {@code steward.database.admin-username}
 * and {@code steward.database.admin-password}. The console's pool never uses it; only sealing the audit log does.
 */
@Component
public class DatabaseAdmin {

    private final AdminCredentials credentials;

    public DatabaseAdmin(Environment environment, ObjectProvider<AdminCredentials> embedded) {
        AdminCredentials configured = embedded.getIfAvailable();
        if (configured == null) {
            String url = environment.getProperty("steward.database.admin-url", "");
            String username = environment.getProperty("steward.database.admin-username", "");
            if (!url.isBlank() || !username.isBlank()) {
                configured = new AdminCredentials(url.isBlank() ? environment.getProperty("spring.datasource.url") : url,
                        username, environment.getProperty("steward.database.admin-password", ""));
            }
        }
        this.credentials = configured;
    }

    public boolean available() {
        return credentials != null;
    }

    public Optional<AdminCredentials> credentials() {
        return Optional.ofNullable(credentials);
    }

    /** A new administrative connection (the caller closes it). */
    public Connection connect() throws SQLException {
        if (credentials == null) {
            throw new IllegalStateException("No administrative connection is configured (steward.database.admin-url)");
        }
        Properties properties = new Properties();
        if (credentials.username() != null && !credentials.username().isBlank()) {
            properties.setProperty("user", credentials.username());
        }
        if (credentials.password() != null && !credentials.password().isBlank()) {
            properties.setProperty("password", credentials.password());
        }
        return DriverManager.getConnection(credentials.url(), properties);
    }
}
