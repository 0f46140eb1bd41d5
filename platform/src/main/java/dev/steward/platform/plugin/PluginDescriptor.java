package dev.steward.platform.plugin;

import java.net.URL;
import java.util.List;

/**
 * What a plugin says about itself in {@code META-INF/steward-plugin.properties}, readable without running any of
 * its code (as Eclipse reads {@code plugin.xml}).
 *
 * @param configuration the plugin's Spring {@code @Configuration} class, started in a child context of the host
 * @param schema        the PostgreSQL schema the plugin owns, or empty when it keeps no data
 * @param migrations    classpath location of its Flyway migrations (default {@code db/<id>})
 * @param source        where the descriptor was found (the plugin's jar), to tell duplicates apart
 */
public record PluginDescriptor(String id, String name, String version, String description, List<String> requires,
                               int apiVersion, String schema, String migrations, String configuration, URL source) {

    /** The plugin API version this platform implements; a plugin built for another one is refused. */
    public static final int PLATFORM_API_VERSION = 1;

    /** The host itself (platform and console) appears in the registry under this id; it cannot be disabled. */
    public static final String HOST_ID = "platform";

    public boolean hasSchema() {
        return schema != null && !schema.isBlank();
    }
}
