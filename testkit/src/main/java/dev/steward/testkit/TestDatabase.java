package dev.steward.testkit;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Map;

/**
 * A database created for one test context, owned by its own runtime role (no superuser, as the console runs), with
 * the server's administrator at hand for what a DBA would do; {@link #drop()} removes the database and its roles.
 *
 * @param url      the JDBC URL without credentials
 * @param username the runtime role
 * @param adminUrl a JDBC URL of the same database as the server's superuser (credentials included)
 */
public record TestDatabase(String name, String url, String username, String password, String adminUrl) {

    /** The JDBC URL with the runtime role's credentials in it, for a plain driver or data source. */
    public String jdbcUrl() {
        return url + (url.contains("?") ? "&" : "?") + "user=" + username + "&password=" + password;
    }

    /** The properties that point a console or platform context at this database (the admin one for sealing). */
    public Map<String, String> properties() {
        return Map.of("spring.datasource.url", url,
                "spring.datasource.username", username,
                "spring.datasource.password", password,
                "steward.database.admin-url", adminUrl,
                "steward.test.database.name", name);
    }

    /** {@link #properties()} as command-line arguments ({@code --key=value}). */
    public String[] arguments() {
        return properties().entrySet().stream().map(e -> "--" + e.getKey() + "=" + e.getValue()).toArray(String[]::new);
    }

    /** A new connection as the server's superuser, to act as a DBA (or an attacker who became one). */
    public Connection adminConnection() throws SQLException {
        return DriverManager.getConnection(adminUrl);
    }

    /** Runs statements as the server's superuser, in one transaction. */
    public void executeAsAdmin(String... statements) {
        try (Connection connection = adminConnection(); Statement statement = connection.createStatement()) {
            connection.setAutoCommit(false);
            for (String sql : statements) {
                statement.execute(sql);
            }
            connection.commit();
        } catch (SQLException e) {
            throw new IllegalStateException("Test database command failed: " + e.getMessage(), e);
        }
    }

    /** The database of a context started by {@link TestDatabaseInitializer} (or with {@link #properties()}). */
    public static TestDatabase of(org.springframework.core.env.Environment environment) {
        return new TestDatabase(environment.getRequiredProperty("steward.test.database.name"),
                environment.getRequiredProperty("spring.datasource.url"),
                environment.getRequiredProperty("spring.datasource.username"),
                environment.getRequiredProperty("spring.datasource.password"),
                environment.getRequiredProperty("steward.database.admin-url"));
    }

    public void drop() {
        TestPostgres.dropDatabase(name);
    }
}
