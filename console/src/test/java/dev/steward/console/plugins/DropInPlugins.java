package dev.steward.console.plugins;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.stream.Stream;

/** Packs test plugins (from {@code test-plugins/<name>/}) into jars in a plugins directory, as an admin would drop them. */
public final class DropInPlugins {

    private DropInPlugins() {
    }

    public static Path directoryWith(String... names) {
        try {
            Path directory = Files.createTempDirectory("steward-plugins");
            for (String name : names) {
                Path source = Path.of(DropInPlugins.class.getResource("/test-plugins/" + name).toURI());
                try (JarOutputStream jar = new JarOutputStream(Files.newOutputStream(directory.resolve(name + ".jar")));
                     Stream<Path> files = Files.walk(source)) {
                    for (Path file : files.filter(Files::isRegularFile).toList()) {
                        jar.putNextEntry(new JarEntry(source.relativize(file).toString().replace('\\', '/')));
                        jar.write(Files.readAllBytes(file));
                        jar.closeEntry();
                    }
                }
            }
            return directory;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }
}
