package dev.steward.platform.security;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Base64;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SecretBoxTest {

    @TempDir
    Path home;

    @Test
    void a_sealed_secret_opens_again_with_the_same_key_file_and_never_shows_the_secret() throws Exception {
        Path keyFile = home.resolve("secrets.key");
        SecretBox box = new SecretBox("", keyFile);
        String sealed = box.seal("s3cret pässword");

        assertThat(sealed).startsWith(SecretBox.PREFIX).doesNotContain("s3cret");
        assertThat(box.seal("s3cret pässword")).as("a fresh nonce each time").isNotEqualTo(sealed);
        assertThat(Files.readString(keyFile)).isNotBlank();
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(keyFile))).isEqualTo("rw-------");
        assertThat(new SecretBox("", keyFile).open(sealed)).as("another start of the console").isEqualTo("s3cret pässword");
        assertThat(box.seal(null)).isNull();
        assertThat(box.open(null)).isNull();
    }

    @Test
    void a_value_stored_before_sealing_is_read_as_it_is() {
        assertThat(new SecretBox("", home.resolve("secrets.key")).open("plain-old-password")).isEqualTo("plain-old-password");
    }

    @Test
    void a_tampered_value_or_another_key_is_refused_with_a_reason() {
        String sealed = new SecretBox("", home.resolve("a.key")).seal("secret");
        SecretBox other = new SecretBox("", home.resolve("b.key"));
        assertThatThrownBy(() -> other.open(sealed)).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("cannot be opened with this console's key").hasMessageContaining("b.key");
        String tampered = sealed.substring(0, sealed.length() - 4) + (sealed.endsWith("AAAA") ? "BBBB" : "AAAA");
        SecretBox same = new SecretBox("", home.resolve("a.key"));
        assertThatThrownBy(() -> same.open(tampered)).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void a_configured_key_is_used_instead_of_a_file_and_must_be_32_bytes() {
        String key = Base64.getEncoder().encodeToString(new byte[32]);
        SecretBox box = new SecretBox(key, home.resolve("unused.key"));
        assertThat(box.open(box.seal("x"))).isEqualTo("x");
        assertThat(home.resolve("unused.key")).doesNotExist();
        assertThatThrownBy(() -> new SecretBox("c2hvcnQ=", home.resolve("k")).seal("x")).hasMessageContaining("must be 32 bytes");
    }
}
