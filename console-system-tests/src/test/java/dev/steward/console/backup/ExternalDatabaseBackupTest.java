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
import dev.steward.testkit.TestDatabase;
import dev.steward.testkit.TestPostgres;
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
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * Backup and restore with an external PostgreSQL: pg_dump through the administrative connection, pg_restore into a new
 * empty database as the console's role, the audit log sealed again at the next start. It needs a pg_dump at least as
 * new as the test server: with the embedded PostgreSQL 18 and an older client on the PATH it is skipped (run it with
 * {@code STEWARD_TEST_DB_URL} pointing at a server of the client's version, e.g. the machine's PostgreSQL 15).
 */
class ExternalDatabaseBackupTest {

    private static final byte[] EVIDENCE = "Evidence kept in a pg_dump backup\n".getBytes(StandardCharsets.UTF_8);

    @TempDir
    Path workspace;

    @AfterEach
    void signOut() {
        SecurityContextHolder.clearContext();
    }

    @Test
    void a_home_on_an_external_database_is_dumped_and_restored_into_an_empty_database_with_its_files_key_and_audit_chain()
            throws Exception {
        TestDatabase source = TestPostgres.createDatabase();
        TestDatabase target = TestPostgres.createDatabase();
        try {
            assumeTrue(pgDumpMajor() >= serverMajor(source), "needs a pg_dump as new as the test server");
            Path home = workspace.resolve("home");
            Path restored = workspace.resolve("restored");
            Path archive = workspace.resolve("steward-backup.tar.gz");
            long attachmentId;
            try (ConfigurableApplicationContext console = start(home, source)) {
                signInAsAdministrator(console);
                console.getBean(PeopleDirectory.class).save(new PersonForm(null, 0, "PD-1", "Dana Dump", "dana@example.org", "DPO",
                        null, null, EmploymentStatus.ACTIVE, LocalDate.of(2024, 5, 6), null));
                Attachment file = console.getBean(AttachmentService.class).upload(new Attachment.Owner("sample", "note", "1"),
                        "evidence.txt", new ByteArrayInputStream(EVIDENCE));
                attachmentId = file.id();
                String[] backup = command("backup", home, source, archive);
                assertThat(backup[0]).as(backup[1]).isEqualTo("0");
                assertThat(backup[1]).contains("a pg_dump of database " + source.name());
            }

            String[] refused = command("restore", restored, source, archive);
            assertThat(refused[0]).isEqualTo("1");
            assertThat(refused[1]).contains("is not empty").contains("Restore only into a new, empty database");

            String[] restore = command("restore", restored, target, archive);
            assertThat(restore[0]).as(restore[1]).isEqualTo("0");

            try (ConfigurableApplicationContext console = start(restored, target)) {
                signInAsAdministrator(console);
                var dsl = console.getBean(org.jooq.DSLContext.class);
                assertThat(dsl.fetchValue("select full_name from platform.person where employee_id = 'PD-1'")).isEqualTo("Dana Dump");
                assertThat(console.getBean(AttachmentService.class).content(attachmentId)).isEqualTo(EVIDENCE);
                AuditVerifier.Result audit = console.getBean(AuditVerifier.class).verify();
                assertThat(audit.intact()).as(audit.summary()).isTrue();
                assertThat(audit.checkpointsChecked()).isPositive();
                assertThat(console.getBean(AuditSeal.class).problem()).as("sealed again at the start").isEmpty();
            }
        } finally {
            source.drop();
            target.drop();
        }
    }

    private static ConfigurableApplicationContext start(Path home, TestDatabase database) {
        String[] args = Stream.concat(Stream.of("--server.port=0", "--steward.home=" + home, "--steward.plugins.dir=" + home.resolve("plugins"),
                "--steward.files.storage=DIRECTORY", "--steward.jobs.enabled=false", "--steward.admin.username=keeper",
                "--steward.admin.password=kept-across-backups"), Stream.of(database.arguments())).toArray(String[]::new);
        return StewardApplication.create(args).run(args);
    }

    /** Exit code and what was printed. */
    private static String[] command(String command, Path home, TestDatabase database, Path file) {
        ByteArrayOutputStream printed = new ByteArrayOutputStream();
        PrintStream out = System.out;
        PrintStream err = System.err;
        PrintStream capture = new PrintStream(printed, true, StandardCharsets.UTF_8);
        System.setOut(capture);
        System.setErr(capture);
        try {
            String[] args = Stream.concat(Stream.of("--steward.command=" + command, "--steward.backup.file=" + file,
                    "--steward.home=" + home), Stream.of(database.arguments())).toArray(String[]::new);
            int exit = BackupCommand.run(args);
            return new String[]{Integer.toString(exit), printed.toString(StandardCharsets.UTF_8)};
        } finally {
            System.setOut(out);
            System.setErr(err);
        }
    }

    private static int pgDumpMajor() {
        try {
            Process process = new ProcessBuilder("pg_dump", "--version").redirectErrorStream(true).start();
            Matcher version = Pattern.compile("\\(PostgreSQL\\) (\\d+)").matcher(new String(process.getInputStream().readAllBytes()));
            return version.find() ? Integer.parseInt(version.group(1)) : 0;
        } catch (Exception noPgDump) {
            return 0;
        }
    }

    private static int serverMajor(TestDatabase database) throws Exception {
        try (var connection = database.adminConnection(); Statement statement = connection.createStatement();
             ResultSet row = statement.executeQuery("show server_version_num")) {
            row.next();
            return row.getInt(1) / 10000;
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
