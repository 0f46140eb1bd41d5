package dev.steward.platform.security.mfa;

import dev.steward.platform.security.Role;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Value;

import java.util.Arrays;
import java.util.List;
import java.util.Objects;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class MfaRequiredRolesTest {

    @Test
    void by_default_administrators_and_privacy_officers_must_use_two_factor_authentication() {
        Value value = Arrays.stream(MfaService.class.getConstructors()[0].getParameters())
                .map(p -> p.getAnnotation(Value.class)).filter(Objects::nonNull).findFirst().orElseThrow();
        assertThat(value.value()).isEqualTo("${steward.security.mfa.required-roles:ADMIN,PRIVACY_OFFICER}");
    }

    @Test
    void the_roles_are_read_loosely_and_an_unknown_one_stops_the_start_with_its_name() {
        assertThat(MfaService.parseRoles(List.of("ADMIN", " privacy_officer ", ""))).containsExactlyInAnyOrder(Role.ADMIN, Role.PRIVACY_OFFICER);
        assertThat(MfaService.parseRoles(List.of())).isEmpty();
        assertThatThrownBy(() -> MfaService.parseRoles(List.of("ROOT"))).hasMessageContaining("names 'ROOT', which is no role");
    }
}
