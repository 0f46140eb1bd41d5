package dev.steward.platform.security.sso;

import dev.steward.platform.security.Role;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** Which roles a provider's claims give: exact group names, from a list, a single value or a nested claim. */
class RoleMappingTest {

    private static RoleMapping mapping(String groupsClaim) {
        return new RoleMapping(new SsoSettings(groupsClaim, "preferred_username", true, Map.of(
                Role.ADMIN, List.of("steward-admins"), Role.MANAGER, List.of(" managers", "/corp/team-leads"))));
    }

    @Test
    void groups_in_a_list_give_their_roles_exactly_and_case_sensitively() {
        assertThat(mapping("groups").rolesOf(Map.of("groups", List.of("managers", "Steward-Admins", "other"))))
                .containsExactly(Role.MANAGER);
        assertThat(mapping("groups").rolesOf(Map.of("groups", List.of("/corp/team-leads", "steward-admins"))))
                .containsExactlyInAnyOrder(Role.ADMIN, Role.MANAGER);
    }

    @Test
    void a_single_group_a_nested_claim_and_a_namespaced_claim_name_are_read() {
        assertThat(mapping("groups").rolesOf(Map.of("groups", "steward-admins"))).containsExactly(Role.ADMIN);
        assertThat(mapping("realm_access.roles").rolesOf(Map.of("realm_access", Map.of("roles", List.of("managers")))))
                .containsExactly(Role.MANAGER);
        assertThat(mapping("https://steward.example/groups").rolesOf(Map.of("https://steward.example/groups", List.of("managers"))))
                .containsExactly(Role.MANAGER);
    }

    @Test
    void no_groups_or_unmapped_groups_give_no_role() {
        assertThat(mapping("groups").rolesOf(Map.of())).isEmpty();
        assertThat(mapping("groups").rolesOf(Map.of("groups", List.of("canteen")))).isEmpty();
        assertThat(mapping("realm_access.roles").rolesOf(Map.of("realm_access", "not an object"))).isEmpty();
    }
}
