package dev.steward.platform.security;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class PasswordPolicyTest {

    @Test
    void a_passphrase_of_64_characters_is_accepted() {
        assertThatCode(() -> PasswordPolicy.check("alice", "correct horse battery staple ".repeat(3).substring(0, 64)))
                .doesNotThrowAnyException();
    }

    @Test
    void a_password_longer_than_bcrypt_reads_is_refused_with_a_reason_instead_of_being_cut_short() {
        assertThatThrownBy(() -> PasswordPolicy.check("alice", "é".repeat(40)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("too long");
    }

    @Test
    void short_or_monotonous_passwords_and_the_user_name_are_refused() {
        assertThatThrownBy(() -> PasswordPolicy.check("alice", "short")).hasMessageContaining("at least 12");
        assertThatThrownBy(() -> PasswordPolicy.check("alice-in-wonderland", "ALICE-IN-WONDERLAND")).hasMessageContaining("user name");
        assertThatThrownBy(() -> PasswordPolicy.check("alice", "abababababababab")).hasMessageContaining("5 different");
    }
}
