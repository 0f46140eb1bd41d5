package dev.steward.console.home;

import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.core.env.ConfigurableEnvironment;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Set;

/**
 * Makes the Steward home and its log folder readable by their owner only, before the log file is opened (logging
 * starts after the environment post-processors). The home holds the embedded database, its passwords, the secrets
 * key and the log; a home made by an older Steward with the default umask is tightened at the next start.
 */
public class PrivateHome implements EnvironmentPostProcessor {

    static final Set<PosixFilePermission> OWNER_ONLY = PosixFilePermissions.fromString("rwx------");

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        String home = environment.getProperty("steward.home");
        if (home == null || home.isBlank()) {
            return;
        }
        Path root = Path.of(home).toAbsolutePath();
        makePrivate(root);
        String logFile = environment.getProperty("logging.file.name");
        if (logFile != null && !logFile.isBlank()) {
            Path logs = Path.of(logFile).toAbsolutePath().getParent();
            if (logs != null && logs.startsWith(root)) {
                makePrivate(logs);
            }
        }
    }

    /** Creates the folder if needed and gives it 0700, where the file system knows POSIX permissions. */
    static void makePrivate(Path folder) {
        try {
            Files.createDirectories(folder);
            if (FileSystems.getDefault().supportedFileAttributeViews().contains("posix")) {
                Files.setPosixFilePermissions(folder, OWNER_ONLY);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Could not make the Steward home folder " + folder + " private", e);
        }
    }
}
