package dev.steward.console.backup;

import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;
import org.apache.commons.compress.archivers.tar.TarArchiveOutputStream;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;

/** A gzip-compressed tar of a folder, with file modes kept (PostgreSQL insists on its own), read back safely. */
final class TarGz {

    private static final boolean POSIX = FileSystems.getDefault().supportedFileAttributeViews().contains("posix");

    private TarGz() {
    }

    /** Packs every regular file and folder under {@code folder}, named relative to it. */
    static void pack(Path folder, OutputStream out) throws IOException {
        try (TarArchiveOutputStream tar = new TarArchiveOutputStream(new GZIPOutputStream(new BufferedOutputStream(out), 1 << 16))) {
            tar.setLongFileMode(TarArchiveOutputStream.LONGFILE_POSIX);
            tar.setBigNumberMode(TarArchiveOutputStream.BIGNUMBER_POSIX);
            List<Path> paths;
            try (Stream<Path> walk = Files.walk(folder)) {
                paths = walk.filter(p -> !p.equals(folder)).sorted().toList();
            }
            for (Path path : paths) {
                if (!Files.isRegularFile(path) && !Files.isDirectory(path)) {
                    continue; // no links or devices in a Steward home
                }
                String name = folder.relativize(path).toString().replace('\\', '/') + (Files.isDirectory(path) ? "/" : "");
                TarArchiveEntry entry = new TarArchiveEntry(path.toFile(), name);
                if (POSIX) {
                    entry.setMode(mode(Files.getPosixFilePermissions(path)) | (Files.isDirectory(path) ? 040000 : 0100000));
                }
                tar.putArchiveEntry(entry);
                if (Files.isRegularFile(path)) {
                    Files.copy(path, tar);
                }
                tar.closeArchiveEntry();
            }
        }
    }

    /** Unpacks into {@code folder}; refuses entries that would land outside it, and links. */
    static void unpack(InputStream in, Path folder) throws IOException {
        Path root = folder.toAbsolutePath().normalize();
        try (TarArchiveInputStream tar = new TarArchiveInputStream(new GZIPInputStream(new BufferedInputStream(in), 1 << 16))) {
            TarArchiveEntry entry;
            while ((entry = tar.getNextEntry()) != null) {
                Path target = root.resolve(entry.getName()).normalize();
                if (!target.startsWith(root) || target.equals(root)) {
                    if (target.equals(root)) {
                        continue;
                    }
                    throw new BackupException("The backup holds an entry outside its folders (" + entry.getName() + "): it is not a Steward backup");
                }
                if (entry.isSymbolicLink() || entry.isLink() || entry.isCharacterDevice() || entry.isBlockDevice() || entry.isFIFO()) {
                    throw new BackupException("The backup holds a link or special file (" + entry.getName() + "): it is not a Steward backup");
                } else if (entry.isDirectory()) {
                    Files.createDirectories(target);
                } else if (entry.isFile()) {
                    Files.createDirectories(target.getParent());
                    Files.copy(tar, target);
                } else {
                    throw new BackupException("The backup holds a link or special file (" + entry.getName() + "): it is not a Steward backup");
                }
                if (POSIX) {
                    Files.setPosixFilePermissions(target, permissions(entry.getMode()));
                }
            }
        } catch (java.util.zip.ZipException | IllegalArgumentException e) {
            throw new BackupException("The file is not a Steward backup (not a gzip-compressed tar): " + e.getMessage());
        }
    }

    private static int mode(Set<PosixFilePermission> permissions) {
        int mode = 0;
        for (PosixFilePermission permission : permissions) {
            mode |= 1 << (8 - permission.ordinal());
        }
        return mode;
    }

    private static Set<PosixFilePermission> permissions(int mode) {
        StringBuilder text = new StringBuilder();
        String letters = "rwxrwxrwx";
        for (int i = 0; i < 9; i++) {
            text.append((mode & (1 << (8 - i))) != 0 ? letters.charAt(i) : '-');
        }
        Set<PosixFilePermission> permissions = PosixFilePermissions.fromString(text.toString());
        permissions.add(PosixFilePermission.OWNER_READ); // what we unpack we must be able to move and read
        permissions.add(PosixFilePermission.OWNER_WRITE);
        return permissions;
    }
}
