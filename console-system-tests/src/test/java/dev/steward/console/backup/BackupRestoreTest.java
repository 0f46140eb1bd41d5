package dev.steward.console.backup;

import dev.steward.console.StewardApplication;
import dev.steward.platform.audit.AuditVerifier;
import dev.steward.platform.db.AuditSeal;
import dev.steward.platform.files.Attachment;
import dev.steward.platform.files.AttachmentService;
import dev.steward.platform.people.EmploymentStatus;
import dev.steward.platform.people.PeopleDirectory;
import dev.steward.platform.people.PersonForm;
import dev.steward.platform.security.PermissionCatalog;
import dev.steward.platform.security.Role;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.context.SecurityContextHolderStrategy;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code ./steward backup} of a home whose console runs on its embedded PostgreSQL, then {@code ./steward restore}
 * into a fresh home: a console started there has the same people, the same file, the same secrets key, a sealed audit
 * log whose chain verifies. A restore into a home that is not empty is refused and changes nothing.
 */
class BackupRestoreTest {

    private static final byte[] EVIDENCE = "Evidence kept across a backup\n".getBytes(StandardCharsets.UTF_8);

    @TempDir
    Path workspace;

    @AfterEach
    void signOut() {
        SecurityContextHolder.clearContext();
    }

    @Test
    void a_home_backed_up_while_its_console_runs_is_restored_into_a_fresh_home_with_its_data_files_key_and_audit_chain()
            throws Exception {
        Path home = workspace.resolve("home");
        Path restored = workspace.resolve("restored");
        Path archive = workspace.resolve("backups/steward-backup.tar.gz");
        long attachmentId;
        try (ConfigurableApplicationContext console = start(home)) {
            signInAsAdministrator(console);
            console.getBean(PeopleDirectory.class).save(new PersonForm(null, 0, "BK-1", "Bea Backup", "bea@example.org", "DPO",
                    null, null, EmploymentStatus.ACTIVE, LocalDate.of(2024, 1, 2), null));
            Attachment file = console.getBean(AttachmentService.class).upload(new Attachment.Owner("sample", "note", "1"),
                    "evidence.txt", new ByteArrayInputStream(EVIDENCE));
            attachmentId = file.id();
            assertThat(console.getBean(AuditVerifier.class).verify().intact()).isTrue();

            Output backup = command("backup", home, archive);
            assertThat(backup.exitCode()).as(backup.text()).isZero();
            assertThat(backup.text()).contains("copied online").contains("the secrets key").contains("file storage directory");
        }
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(archive))).isEqualTo("rw-------");

        Output refused = command("restore", home, archive);
        assertThat(refused.exitCode()).isEqualTo(1);
        assertThat(refused.text()).contains("The Steward home " + home.toAbsolutePath()).contains("is not empty");

        Output restore = command("restore", restored, archive);
        assertThat(restore.exitCode()).as(restore.text()).isZero();
        assertThat(Files.readAllBytes(restored.resolve("secrets.key"))).isEqualTo(Files.readAllBytes(home.resolve("secrets.key")));

        try (ConfigurableApplicationContext console = start(restored)) {
            signInAsAdministrator(console);
            var dsl = console.getBean(org.jooq.DSLContext.class);
            assertThat(dsl.fetchValue("select full_name from platform.person where employee_id = 'BK-1'")).isEqualTo("Bea Backup");
            assertThat(console.getBean(AttachmentService.class).content(attachmentId)).isEqualTo(EVIDENCE);
            assertThat(Files.list(restored.resolve("files")).findAny()).as("the file storage directory").isPresent();
            AuditVerifier.Result audit = console.getBean(AuditVerifier.class).verify();
            assertThat(audit.intact()).as(audit.summary()).isTrue();
            assertThat(audit.checkpointsChecked()).as("checkpoints signed with the restored secrets key").isPositive();
            assertThat(console.getBean(AuditSeal.class).problem()).as("the audit log is sealed").isEmpty();
            assertThat(dsl.fetchValue("select current_user")).isEqualTo("steward");
        }
    }

    @Test
    void a_file_that_is_no_backup_is_refused_with_a_clear_message_and_the_home_stays_empty() throws Exception {
        Path notABackup = Files.writeString(workspace.resolve("notes.tar.gz"), "just some notes");
        Path home = workspace.resolve("empty-home");

        Output restore = command("restore", home, notABackup);

        assertThat(restore.exitCode()).isEqualTo(1);
        assertThat(restore.text()).contains("not a Steward backup");
        try (Stream<Path> left = Files.list(home)) {
            assertThat(left.map(p -> p.getFileName().toString())).containsOnly("logs");
        }
    }

    private static ConfigurableApplicationContext start(Path home) {
        String[] args = {"--server.port=0", "--steward.home=" + home, "--steward.plugins.dir=" + home.resolve("plugins"),
                "--steward.test.database=none", "--steward.files.storage=DIRECTORY", "--steward.jobs.enabled=false",
                "--steward.admin.username=keeper", "--steward.admin.password=kept-across-backups"};
        return StewardApplication.create(args).run(args);
    }

    private record Output(int exitCode, String text) {
    }

    /** Runs the command as {@code ./steward backup|restore FILE} does, capturing what it prints. */
    private static Output command(String command, Path home, Path file) {
        ByteArrayOutputStream printed = new ByteArrayOutputStream();
        PrintStream out = System.out;
        PrintStream err = System.err;
        PrintStream capture = new PrintStream(printed, true, StandardCharsets.UTF_8);
        System.setOut(capture);
        System.setErr(capture);
        try {
            int exit = dev.steward.console.backup.BackupCommand.run(new String[]{"--steward.command=" + command,
                    "--steward.backup.file=" + file, "--steward.home=" + home, "--steward.test.database=none"});
            return new Output(exit, printed.toString(StandardCharsets.UTF_8));
        } finally {
            System.setOut(out);
            System.setErr(err);
        }
    }

    private static void signInAsAdministrator(ConfigurableApplicationContext console) {
        List<SimpleGrantedAuthority> authorities = new ArrayList<>();
        EnumSet.allOf(Role.class).forEach(role -> authorities.add(new SimpleGrantedAuthority("ROLE_" + role.name())));
        console.getBean(PermissionCatalog.class).permissionsOf(EnumSet.allOf(Role.class))
                .forEach(permission -> authorities.add(new SimpleGrantedAuthority(permission)));
        console.getBeanProvider(SecurityContextHolderStrategy.class).ifAvailable(SecurityContextHolder::setContextHolderStrategy);
        SecurityContextHolder.getContext().setAuthentication(UsernamePasswordAuthenticationToken.authenticated("keeper", null, authorities));
    }
}
