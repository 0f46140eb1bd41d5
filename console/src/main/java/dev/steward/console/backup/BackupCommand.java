package dev.steward.console.backup;

import org.springframework.boot.Banner;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.WebApplicationType;
import org.springframework.context.ConfigurableApplicationContext;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Optional;

/**
 * {@code --steward.command=backup|restore --steward.backup.file=<file>} ({@code ./steward backup <file>},
 * {@code ./steward restore <file>}): backs up the Steward home as the console is configured, or restores a backup
 * into an empty one. Prints what it did, or why it could not, and exits 0 or 1. It starts no console: only the
 * configuration is read (application.properties, environment, arguments).
 */
public final class BackupCommand {

    private static final String COMMAND = "--steward.command=";
    private static final String FILE = "--steward.backup.file=";

    private BackupCommand() {
    }

    public static boolean isRequested(String[] args) {
        return command(args).isPresent();
    }

    public static int run(String[] args) {
        String command = command(args).orElseThrow();
        Optional<String> file = Arrays.stream(args).filter(a -> a.startsWith(FILE)).map(a -> a.substring(FILE.length())).findFirst();
        if (file.isEmpty() || file.get().isBlank()) {
            System.err.println("Name the backup file: ./steward " + command + " <file>");
            return 1;
        }
        try {
            StewardHome home = configuration(args);
            Path archive = Path.of(file.get());
            System.out.println(command.equals("backup") ? HomeBackup.write(home, archive) : HomeRestore.restore(home, archive));
            return 0;
        } catch (BackupException e) {
            System.err.println("The " + command + " was not made: " + e.getMessage());
            return 1;
        } catch (IOException e) {
            System.err.println("The " + command + " failed reading or writing a file: " + e.getMessage());
            return 1;
        }
    }

    private static Optional<String> command(String[] args) {
        return Arrays.stream(args).filter(a -> a.equals(COMMAND + "backup") || a.equals(COMMAND + "restore"))
                .map(a -> a.substring(COMMAND.length())).findFirst();
    }

    /** The console's configuration, read as the console reads it, without starting anything. */
    private static StewardHome configuration(String[] args) {
        SpringApplication application = new SpringApplication(ConfigurationOnly.class);
        application.setWebApplicationType(WebApplicationType.NONE);
        application.setBannerMode(Banner.Mode.OFF);
        application.setLogStartupInfo(false);
        try (ConfigurableApplicationContext context = application.run(args)) {
            return StewardHome.of(context.getEnvironment());
        }
    }

    /** An empty application: its context carries the environment only. */
    public static class ConfigurationOnly {
    }
}
