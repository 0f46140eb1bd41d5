package dev.steward.platform.db;

import java.nio.file.Path;

/**
 * A console's embedded server in a JVM of its own, for a test to kill with -9: starts the server as the console does,
 * prints {@link #STARTED} and waits to be killed. Its PostgreSQL outlives it, as it does a killed console.
 */
public final class KilledConsole {

    static final String STARTED = "embedded server started";

    private KilledConsole() {
    }

    public static void main(String[] args) throws Exception {
        Path home = Path.of(args[0]);
        new EmbeddedDatabaseConfiguration().embeddedPostgres(home, EmbeddedDatabaseConfiguration.Passwords.in(home));
        System.out.println(STARTED);
        System.out.flush();
        Thread.sleep(Long.MAX_VALUE);
    }
}
