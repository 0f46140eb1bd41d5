package dev.steward.platform.plugin;

import dev.steward.platform.security.Role;
import dev.steward.platform.spi.Permission;
import dev.steward.platform.spi.PermissionSet;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class PermissionPrefixTest {

    private static PermissionSet declaring(String... keys) {
        return () -> java.util.Arrays.stream(keys).map(k -> Permission.of(k, "x", Role.MANAGER)).toList();
    }

    @Test
    void a_plugin_may_declare_permissions_named_after_itself() {
        assertThat(PermissionPrefix.violation("hello", List.of(declaring("hello.read", "hello.admin")))).isEmpty();
    }

    @Test
    void a_host_or_another_plugins_permission_is_refused_with_the_key_named() {
        assertThat(PermissionPrefix.violation("hello", List.of(declaring("hello.read", "platform.audit.read"))))
                .hasValueSatisfying(reason -> assertThat(reason).contains("'platform.audit.read'").contains("'hello.…'"));
        assertThat(PermissionPrefix.violation("hello", List.of(declaring("incidents.read")))).isPresent();
    }

    @Test
    void a_longer_id_sharing_the_prefix_or_the_bare_id_does_not_count_as_own() {
        assertThat(PermissionPrefix.owns("inc", "incidents.read")).isFalse();
        assertThat(PermissionPrefix.owns("hello", "hello")).isFalse();
        assertThat(PermissionPrefix.owns("hello", "hello.")).isFalse();
        assertThat(PermissionPrefix.owns("hello", "hello.read")).isTrue();
    }
}
