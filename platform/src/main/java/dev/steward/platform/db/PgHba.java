package dev.steward.platform.db;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** The embedded server's client authentication file: every connection, local or over TCP, needs a password. */
final class PgHba {

    static final String CONTENT = """
            # Written by Steward at every start: every connection needs a password (scram-sha-256).
            # The passwords are in the Steward home's database directory, readable by its owner only.
            # TYPE  DATABASE     USER  ADDRESS       METHOD
            local   all          all                 scram-sha-256
            host    all          all   127.0.0.1/32  scram-sha-256
            host    all          all   ::1/128       scram-sha-256
            local   replication  all                 scram-sha-256
            host    replication  all   127.0.0.1/32  scram-sha-256
            host    replication  all   ::1/128       scram-sha-256
            """;

    private PgHba() {
    }

    static Path of(Path dataDirectory) {
        return dataDirectory.resolve("pg_hba.conf");
    }

    /** Whether the file lets some connection in without a password (a data directory made by an older Steward). */
    static boolean trustsAnyone(Path dataDirectory) {
        try {
            return Files.readAllLines(of(dataDirectory)).stream()
                    .map(line -> line.replaceFirst("#.*", "").trim())
                    .filter(line -> !line.isEmpty())
                    .anyMatch(line -> !line.endsWith("scram-sha-256"));
        } catch (IOException e) {
            throw new UncheckedIOException("Could not read " + of(dataDirectory), e);
        }
    }

    static void requirePasswords(Path dataDirectory) {
        try {
            Files.writeString(of(dataDirectory), CONTENT);
        } catch (IOException e) {
            throw new UncheckedIOException("Could not write " + of(dataDirectory), e);
        }
    }
}
