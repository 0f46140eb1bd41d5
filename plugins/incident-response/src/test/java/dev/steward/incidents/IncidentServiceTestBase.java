package dev.steward.incidents;

import dev.steward.testkit.console.PluginServiceTestBase;
import dev.steward.incidents.IncidentForm;
import dev.steward.incidents.IncidentSource;
import dev.steward.incidents.IncidentType;
import dev.steward.incidents.OurRole;

import java.time.Duration;
import java.time.Instant;

/**
 * Service-level tests of the bundled incident-response plugin, in the real console context (its own child context)
 * against a fresh PostgreSQL database.
 */
public abstract class IncidentServiceTestBase extends PluginServiceTestBase {

    @Override
    protected String pluginId() {
        return "incidents";
    }

    protected static IncidentForm incident(String title, IncidentType type, Instant discovered) {
        return IncidentForm.of(title, type, IncidentSource.INTERNAL, OurRole.CONTROLLER, discovered);
    }

    protected static Instant hoursAgo(long hours) {
        return Instant.now().minus(Duration.ofHours(hours)).truncatedTo(java.time.temporal.ChronoUnit.SECONDS);
    }
}
