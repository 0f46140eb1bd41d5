package dev.steward.console.home;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.SpringApplication;
import org.springframework.mock.env.MockEnvironment;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;

import static org.assertj.core.api.Assertions.assertThat;

class PrivateHomeTest {

    @TempDir
    Path temp;

    @Test
    void a_home_made_with_the_default_umask_is_closed_to_other_users_before_logging_starts() throws Exception {
        Path home = Files.createDirectory(temp.resolve("home"), PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwxr-xr-x")));
        var environment = new MockEnvironment()
                .withProperty("steward.home", home.toString())
                .withProperty("logging.file.name", home.resolve("logs/steward.log").toString());

        new PrivateHome().postProcessEnvironment(environment, new SpringApplication());

        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(home))).isEqualTo("rwx------");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(home.resolve("logs")))).isEqualTo("rwx------");
    }

    @Test
    void a_log_file_outside_the_home_is_left_to_its_operator() throws Exception {
        Path home = temp.resolve("home");
        Path elsewhere = Files.createDirectory(temp.resolve("var-log"), PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwxr-xr-x")));
        var environment = new MockEnvironment()
                .withProperty("steward.home", home.toString())
                .withProperty("logging.file.name", elsewhere.resolve("steward.log").toString());

        new PrivateHome().postProcessEnvironment(environment, new SpringApplication());

        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(home))).isEqualTo("rwx------");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(elsewhere))).isEqualTo("rwxr-xr-x");
    }
}
