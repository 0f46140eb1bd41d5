package dev.steward.platform.plugin;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URL;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Properties;
import java.util.regex.Pattern;

/** Reads every {@code META-INF/steward-plugin.properties} on a class path into descriptors, without loading classes. */
public final class PluginDescriptorReader {

    public static final String DESCRIPTOR_PATH = "META-INF/steward-plugin.properties";
    private static final Pattern ID = Pattern.compile("[a-z][a-z0-9-]{1,62}");
    private static final Pattern SCHEMA = Pattern.compile("[a-z][a-z0-9_]{0,62}");

    private PluginDescriptorReader() {
    }

    public static List<URL> listDescriptorUrls(ClassLoader classLoader) {
        try {
            return Collections.list(classLoader.getResources(DESCRIPTOR_PATH));
        } catch (IOException e) {
            throw new UncheckedIOException("Could not list plugin descriptors", e);
        }
    }

    public static PluginDescriptor read(URL url) {
        Properties p = new Properties();
        try (InputStream in = url.openStream()) {
            p.load(in);
        } catch (IOException e) {
            throw new InvalidDescriptorException(url + ": cannot be read (" + e.getMessage() + ")");
        }
        String id = required(p, "id", url);
        if (!ID.matcher(id).matches()) {
            throw new InvalidDescriptorException(url + ": id '" + id + "' must be lower-case letters, digits and dashes");
        }
        String schema = p.getProperty("schema", "").trim();
        if (!schema.isEmpty() && (!SCHEMA.matcher(schema).matches() || schema.equals("platform") || schema.equals("public"))) {
            throw new InvalidDescriptorException(url + ": schema '" + schema + "' is not a valid plugin schema name");
        }
        int apiVersion;
        try {
            apiVersion = Integer.parseInt(required(p, "api-version", url));
        } catch (NumberFormatException e) {
            throw new InvalidDescriptorException(url + ": api-version must be a whole number");
        }
        List<String> requires = Arrays.stream(p.getProperty("requires", "").split(","))
                .map(String::trim).filter(s -> !s.isEmpty()).toList();
        return new PluginDescriptor(id, required(p, "name", url), required(p, "version", url),
                p.getProperty("description", "").trim(), requires, apiVersion, schema,
                p.getProperty("migrations", "db/" + id).trim(), required(p, "configuration", url), url);
    }

    private static String required(Properties p, String key, URL url) {
        String value = p.getProperty(key);
        if (value == null || value.isBlank()) {
            throw new InvalidDescriptorException(url + ": '" + key + "' is missing");
        }
        return value.trim();
    }

    public static final class InvalidDescriptorException extends RuntimeException {
        public InvalidDescriptorException(String message) {
            super(message);
        }
    }
}
