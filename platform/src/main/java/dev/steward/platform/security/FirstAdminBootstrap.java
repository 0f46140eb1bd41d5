package dev.steward.platform.security;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionPhase;
import org.springframework.transaction.event.TransactionalEventListener;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermissions;

/**
 * First run: there is no fixed default password. With {@code steward.admin.username} and
 * {@code steward.admin.password} (env {@code STEWARD_ADMIN_USERNAME}/{@code STEWARD_ADMIN_PASSWORD}) that admin is
 * created; otherwise an {@code admin} with a one-time password, to be changed at first sign-in. That password is
 * written to {@code initial-admin-password} in the Steward home, readable by its owner only (as Jenkins'
 * {@code secrets/initialAdminPassword}), never to the log; the file is removed once the password has served.
 */
@Component
public class FirstAdminBootstrap {

    public static final String PASSWORD_FILE = "initial-admin-password";
    private static final Logger log = LoggerFactory.getLogger(FirstAdminBootstrap.class);

    private final UserAccountService users;
    private final String username;
    private final String password;
    private final Path passwordFile;

    public FirstAdminBootstrap(UserAccountService users,
                               @Value("${steward.admin.username:admin}") String username,
                               @Value("${steward.admin.password:}") String password,
                               @Value("${steward.home:${user.home}/.steward}") Path home) {
        this.users = users;
        this.username = username;
        this.password = password;
        this.passwordFile = home.toAbsolutePath().resolve(PASSWORD_FILE);
    }

    /**
     * Several consoles may start at once on a fresh database: only the one that creates the administrator writes the
     * password file (in its own home), the others find the administrator made.
     */
    @EventListener(ApplicationReadyEvent.class)
    public void createFirstAdminIfNone() {
        if (users.anyUserExists()) {
            return;
        }
        if (!password.isBlank()) {
            if (users.createFirstAdminIfNone(username, password, false, () -> { })) {
                log.info("Created the first administrator '{}' from configuration", username);
            }
            return;
        }
        String oneTime = PasswordPolicy.generate();
        if (!users.createFirstAdminIfNone(username, oneTime, true, () -> writeOwnerOnly(passwordFile, oneTime + "\n"))) {
            log.info("Another console created the first administrator meanwhile");
            return;
        }
        log.warn("""

                ================================================================
                 First start: created administrator '{}' with a one-time
                 password, in the file (readable by its owner only)
                   {}
                 Sign in with it and choose your own password; the file is
                 deleted then.
                ================================================================""", username, passwordFile);
    }

    /** The one-time password has served (changed, reset) or its admin is gone (deactivated): the file goes. */
    @TransactionalEventListener(phase = TransactionPhase.AFTER_COMMIT, fallbackExecution = true)
    public void onAccountSecurityChanged(AccountSecurityChanged change) {
        if (change.username().equals(username) && change.change() != AccountSecurityChanged.Change.ROLES_CHANGED) {
            try {
                if (Files.deleteIfExists(passwordFile)) {
                    log.info("Deleted {}: the first administrator's one-time password is no longer valid", passwordFile);
                }
            } catch (IOException e) {
                log.warn("Could not delete {}; delete it by hand", passwordFile, e);
            }
        }
    }

    public Path passwordFile() {
        return passwordFile;
    }

    /**
     * Created with owner-only permissions from the start (never a moment with the umask's), under a temporary name,
     * then moved into place in one step: a reader sees either no file or the whole one.
     */
    static void writeOwnerOnly(Path file, String content) {
        try {
            Files.createDirectories(file.getParent());
            boolean posix = FileSystems.getDefault().supportedFileAttributeViews().contains("posix");
            FileAttribute<?>[] ownerOnly = posix
                    ? new FileAttribute<?>[]{PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------"))}
                    : new FileAttribute<?>[0];
            Path temporary = Files.createTempFile(file.getParent(), "." + file.getFileName(), ".tmp", ownerOnly);
            try {
                if (!posix) {
                    var f = temporary.toFile();
                    f.setReadable(false, false);
                    f.setWritable(false, false);
                    f.setReadable(true, true);
                    f.setWritable(true, true);
                }
                Files.writeString(temporary, content, StandardCharsets.UTF_8);
                Files.move(temporary, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } finally {
                Files.deleteIfExists(temporary);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Could not write the first administrator's one-time password to " + file, e);
        }
    }
}
