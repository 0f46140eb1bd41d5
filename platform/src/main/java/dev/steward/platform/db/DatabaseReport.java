package dev.steward.platform.db;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.SQLException;

/** Says in the log which database Steward uses, and refuses a PostgreSQL older than 15. */
@Component
public class DatabaseReport {

    private static final Logger log = LoggerFactory.getLogger(DatabaseReport.class);
    private final String description;

    public DatabaseReport(DataSource dataSource) throws SQLException {
        try (Connection connection = dataSource.getConnection()) {
            var meta = connection.getMetaData();
            if (meta.getDatabaseMajorVersion() < 15) {
                throw new IllegalStateException("Steward needs PostgreSQL 15 or newer; " + meta.getURL()
                        + " runs " + meta.getDatabaseProductVersion());
            }
            description = "PostgreSQL " + meta.getDatabaseProductVersion() + " at " + withoutPassword(meta.getURL());
        }
        log.info("Using database: {}", description);
    }

    public String description() {
        return description;
    }

    private static String withoutPassword(String url) {
        return url.replaceAll("(?i)password=[^&]*", "password=***");
    }
}
