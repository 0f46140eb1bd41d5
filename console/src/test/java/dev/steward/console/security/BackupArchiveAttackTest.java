package dev.steward.console.security;

import dev.steward.console.backup.BackupCommand;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.GZIPOutputStream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A crafted "backup" handed to {@code ./steward restore}: entries that climb out of the home or are links are refused,
 * and nothing is written outside the home, nor left in it.
 */
class BackupArchiveAttackTest {

    @TempDir
    Path workspace;

    @Test
    void an_archive_entry_that_climbs_out_of_the_home_is_refused_and_writes_nothing_there() throws Exception {
        Path archive = archive(tar -> file(tar, "../../planted.txt", "owned"));
        Path home = workspace.resolve("a/b/home");

        String printed = restore(home, archive);

        assertThat(printed).contains("not a Steward backup").contains("outside");
        assertThat(workspace.resolve("a/planted.txt")).doesNotExist();
        assertThat(workspace.resolve("planted.txt")).doesNotExist();
        assertThat(Files.list(home).map(p -> p.getFileName().toString())).containsOnly("logs");
    }

    @Test
    void an_archive_with_a_link_is_refused() throws Exception {
        Path archive = archive(tar -> {
            TarArchiveEntry link = new TarArchiveEntry("secrets.key", TarArchiveEntry.LF_SYMLINK);
            link.setLinkName("/etc/passwd");
            tar.putArchiveEntry(link);
            tar.closeArchiveEntry();
        });
        Path home = workspace.resolve("home");

        String printed = restore(home, archive);

        assertThat(printed).contains("link or special file");
        assertThat(home.resolve("secrets.key")).doesNotExist();
    }

    @Test
    void a_restore_without_a_file_name_says_how_to_give_one() {
        String printed = run("--steward.command=restore", "--steward.home=" + workspace.resolve("home"));
        assertThat(printed).contains("Name the backup file");
    }

    private interface Entries {
        void write(TarArchiveOutputStream tar) throws Exception;
    }

    private Path archive(Entries entries) throws Exception {
        Path archive = workspace.resolve("crafted.tar.gz");
        try (OutputStream out = Files.newOutputStream(archive);
             TarArchiveOutputStream tar = new TarArchiveOutputStream(new GZIPOutputStream(out))) {
            file(tar, "steward-backup.properties", "format=1\ndatabase=embedded\n");
            entries.write(tar);
        }
        return archive;
    }

    private static void file(TarArchiveOutputStream tar, String name, String content) throws Exception {
        byte[] bytes = content.getBytes(StandardCharsets.UTF_8);
        TarArchiveEntry entry = new TarArchiveEntry(name, true);
        entry.setSize(bytes.length);
        tar.putArchiveEntry(entry);
        tar.write(bytes);
        tar.closeArchiveEntry();
    }

    private static String restore(Path home, Path archive) {
        return run("--steward.command=restore", "--steward.backup.file=" + archive, "--steward.home=" + home,
                "--steward.test.database=none");
    }

    private static String run(String... args) {
        ByteArrayOutputStream printed = new ByteArrayOutputStream();
        PrintStream out = System.out;
        PrintStream err = System.err;
        PrintStream capture = new PrintStream(printed, true, StandardCharsets.UTF_8);
        System.setOut(capture);
        System.setErr(capture);
        try {
            assertThat(BackupCommand.run(args)).isEqualTo(1);
            return printed.toString(StandardCharsets.UTF_8);
        } finally {
            System.setOut(out);
            System.setErr(err);
        }
    }
}
