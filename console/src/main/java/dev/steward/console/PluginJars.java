package dev.steward.console;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.MalformedURLException;
import java.net.URISyntaxException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;

/**
 * Finds drop-in plugin jars. The directory is {@code steward.plugins.dir} (argument, system property or
 * {@code STEWARD_PLUGINS_DIR}), else {@code plugins/} next to the console jar, so it does not depend on the working
 * directory. (Boot's {@code loader.path} resolves against the working directory by default: see README.)
 */
final class PluginJars {

    private static final Logger log = LoggerFactory.getLogger(PluginJars.class);

    private PluginJars() {
    }

    static ClassLoader classLoader(String[] args) {
        ClassLoader parent = StewardApplication.class.getClassLoader();
        Path directory = directory(args);
        if (directory == null || !Files.isDirectory(directory)) {
            return parent;
        }
        List<URL> jars;
        try (Stream<Path> files = Files.list(directory)) {
            jars = files.filter(f -> f.getFileName().toString().endsWith(".jar")).sorted().map(PluginJars::url).toList();
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read the plugins directory " + directory, e);
        }
        if (jars.isEmpty()) {
            return parent;
        }
        log.info("Loading {} plugin jar(s) from {}: {}", jars.size(), directory, jars);
        return new URLClassLoader("steward-plugins", jars.toArray(URL[]::new), parent);
    }

    static Path directory(String[] args) {
        String configured = Arrays.stream(args).filter(a -> a.startsWith("--steward.plugins.dir="))
                .map(a -> a.substring("--steward.plugins.dir=".length())).findFirst()
                .orElseGet(() -> System.getProperty("steward.plugins.dir", System.getenv("STEWARD_PLUGINS_DIR")));
        if (configured != null && !configured.isBlank()) {
            return Path.of(configured).toAbsolutePath();
        }
        Path jar = consoleJar();
        return jar == null ? null : jar.getParent().resolve("plugins");
    }

    /** The console jar when running with {@code java -jar}; null when running from classes (IDE, tests). */
    private static Path consoleJar() {
        try {
            var location = StewardApplication.class.getProtectionDomain().getCodeSource().getLocation();
            String text = location.toString();
            // inside the Boot jar the location is jar:nested:/path/console.jar/!BOOT-INF/classes/!/
            if (text.startsWith("jar:nested:")) {
                String path = text.substring("jar:nested:".length());
                return Path.of(path.substring(0, path.indexOf("/!")));
            }
            Path path = Path.of(location.toURI());
            return path.toString().endsWith(".jar") ? path : null;
        } catch (URISyntaxException | RuntimeException e) {
            return null;
        }
    }

    private static URL url(Path path) {
        try {
            return path.toUri().toURL();
        } catch (MalformedURLException e) {
            throw new IllegalStateException(e);
        }
    }
}
