package dev.steward.console.faults;

import org.springframework.boot.logging.LoggingSystem;

/**
 * Spring Boot configures Logback once per JVM: a console started later in the same test JVM (the test context cache
 * keeps earlier ones open) keeps the earlier one's log file and ignores its own {@code logging.file.name}. A test that
 * reads its console's log file calls {@link #reset()} before its context starts, so that its console sets up logging
 * as a console started alone does.
 */
public final class FreshLogging {

    private FreshLogging() {
    }

    public static void reset() {
        LoggingSystem.get(FreshLogging.class.getClassLoader()).cleanUp();
    }
}
