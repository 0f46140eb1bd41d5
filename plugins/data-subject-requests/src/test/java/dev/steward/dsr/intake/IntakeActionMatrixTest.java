package dev.steward.dsr.intake;

import dev.steward.dsr.DsrTestBase;
import dev.steward.platform.security.Role;
import dev.steward.testkit.console.ActionMatrix;
import dev.steward.testkit.console.ActionMatrix.Action;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

import static dev.steward.platform.security.Role.MANAGER;
import static dev.steward.platform.security.Role.PRIVACY_OFFICER;
import static dev.steward.platform.security.Role.SECURITY_ANALYST;

/** Each role x each intake action: allowed roles pass the permission check, others are refused. */
class IntakeActionMatrixTest extends DsrTestBase {

    private static final Set<Role> EVERYONE = EnumSet.allOf(Role.class);
    private static final Set<Role> WORKERS = Set.of(PRIVACY_OFFICER);
    private static final Set<Role> ADMINS = Set.of(PRIVACY_OFFICER);
    private static final Set<Role> CHANGERS = Set.of(PRIVACY_OFFICER, MANAGER, SECURITY_ANALYST);

    static final List<Action<IntakeActionMatrixTest>> ACTIONS = List.of(
            new Action<>("submit on the public page", EVERYONE, t -> t.bean(PublicIntake.class).submit(null, "x")),
            new Action<>("confirm on the public page", EVERYONE, t -> t.bean(PublicIntake.class).confirm("x", "x", "x")),
            new Action<>("purge unconfirmed submissions", WORKERS, t -> t.bean(PublicIntake.class).purgeExpired(Instant.EPOCH)),
            new Action<>("log a request with its original", WORKERS, t -> t.bean(OfficerIntake.class).log(null, null)),
            new Action<>("open a request through the API", WORKERS, t -> t.bean(ApiIntake.class).submit(null, "{}")),
            new Action<>("read a request through the API", WORKERS, t -> t.bean(ApiIntake.class).status("DSR-0")),
            new Action<>("list the published mailboxes", CHANGERS, t -> t.bean(Mailboxes.class).list()),
            new Action<>("add a published mailbox", ADMINS, t -> t.bean(Mailboxes.class).add("", null)),
            new Action<>("remove a published mailbox", ADMINS, t -> t.bean(Mailboxes.class).remove(-1)));

    static Stream<Arguments> roleAndAction() {
        return ActionMatrix.everyRoleAndAction(ACTIONS);
    }

    @ParameterizedTest(name = "{0}: {1}")
    @MethodSource("roleAndAction")
    void each_action_is_allowed_exactly_for_its_roles(Role role, Action<IntakeActionMatrixTest> action) {
        ActionMatrix.assertAllowedExactlyForItsRoles(this, role, action);
    }
}
