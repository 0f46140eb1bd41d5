package dev.steward.platform.db;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Base64;

/**
 * A database password kept in a file of the Steward home that only its owner may read (0600, in a 0700 directory):
 * made at random on first use, read as it is afterwards.
 */
final class PasswordFile {

    private static final SecureRandom RANDOM = new SecureRandom();
    private final Path file;

    PasswordFile(Path file) {
        this.file = file.toAbsolutePath();
    }

    Path path() {
        return file;
    }

    boolean exists() {
        return Files.exists(file);
    }

    String readOrCreate() {
        try {
            if (!Files.exists(file)) {
                create();
            }
            String password = Files.readString(file).strip();
            if (password.isEmpty()) {
                throw new IllegalStateException("The password file " + file + " is empty");
            }
            return password;
        } catch (IOException e) {
            throw new UncheckedIOException("Could not read or make the password file " + file, e);
        }
    }

    private void create() throws IOException {
        Path directory = file.getParent();
        boolean posix = file.getFileSystem().supportedFileAttributeViews().contains("posix");
        if (posix) {
            Files.createDirectories(directory, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
            Files.setPosixFilePermissions(directory, PosixFilePermissions.fromString("rwx------"));
        } else {
            Files.createDirectories(directory);
        }
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        try {
            Path created = posix ? Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")))
                    : Files.createFile(file);
            Files.writeString(created, Base64.getUrlEncoder().withoutPadding().encodeToString(bytes));
        } catch (FileAlreadyExistsException madeByAnotherConsole) {
            // theirs is used
        }
    }
}
