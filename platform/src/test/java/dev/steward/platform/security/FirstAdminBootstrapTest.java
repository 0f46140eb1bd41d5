package dev.steward.platform.security;

import org.jooq.DSLContext;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;

import static dev.steward.platform.db.generated.Tables.APP_USER;
import static org.assertj.core.api.Assertions.assertThat;

/** The first start of a console on an empty database, with its own Steward home. */
@ExtendWith(OutputCaptureExtension.class)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.NONE)
class FirstAdminBootstrapTest {

    private static final Path HOME = temporaryHome();

    @DynamicPropertySource
    static void home(DynamicPropertyRegistry registry) {
        registry.add("steward.home", HOME::toString);
        registry.add("steward.admin.username", () -> "first-admin");
    }

    private static Path temporaryHome() {
        try {
            return Files.createTempDirectory("steward-first-admin");
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    @Autowired
    DSLContext dsl;
    @Autowired
    PasswordEncoder encoder;
    @Autowired
    UserAccountService users;

    @AfterEach
    void signOut() {
        SecurityContextHolder.clearContext();
    }

    @Test
    void the_one_time_password_is_in_an_owner_only_file_not_in_the_log_and_the_file_goes_after_the_first_change(CapturedOutput log)
            throws IOException {
        Path file = HOME.resolve(FirstAdminBootstrap.PASSWORD_FILE);
        assertThat(file).exists();
        assertThat(Files.getPosixFilePermissions(file)).isEqualTo(PosixFilePermissions.fromString("rw-------"));
        String oneTime = Files.readString(file).strip();
        assertThat(oneTime).hasSize(20);
        String hash = dsl.select(APP_USER.PASSWORD_HASH).from(APP_USER).where(APP_USER.USERNAME.eq("first-admin")).fetchOne().value1();
        assertThat(encoder.matches(oneTime, hash)).isTrue();
        assertThat(log.getAll()).contains(file.toString()).doesNotContain(oneTime);
        assertThat(HOME.toFile().list()).noneMatch(name -> name.endsWith(".tmp"));

        SecurityContextHolder.getContext().setAuthentication(
                UsernamePasswordAuthenticationToken.authenticated("first-admin", null, List.of()));
        users.changeOwnPassword("first-admin", oneTime, "my-own-admin-passphrase");
        assertThat(file).doesNotExist();
        assertThat(log.getAll()).doesNotContain(oneTime);
    }
}
