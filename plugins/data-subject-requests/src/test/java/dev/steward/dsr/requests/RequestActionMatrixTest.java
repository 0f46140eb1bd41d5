package dev.steward.dsr.requests;

import dev.steward.dsr.DsrTestBase;
import dev.steward.platform.security.Role;
import dev.steward.testkit.console.ActionMatrix;
import dev.steward.testkit.console.ActionMatrix.Action;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

import static dev.steward.platform.security.Role.AUDITOR;
import static dev.steward.platform.security.Role.PRIVACY_OFFICER;

/** Each role x each action on requests themselves: allowed roles pass the permission check, others are refused. */
class RequestActionMatrixTest extends DsrTestBase {

    private static final Set<Role> READERS = Set.of(PRIVACY_OFFICER, AUDITOR);
    private static final Set<Role> WORKERS = Set.of(PRIVACY_OFFICER);

    static final List<Action<RequestActionMatrixTest>> ACTIONS = List.of(
            new Action<>("read a request", READERS, t -> t.bean(RightsRequests.class).find(-1)),
            new Action<>("list requests", READERS, t -> t.bean(RightsRequests.class).page(RequestFilter.OPEN, 0, 10)),
            new Action<>("count requests", READERS, t -> t.bean(RightsRequests.class).count(RequestFilter.OPEN)),
            new Action<>("read a timeline", READERS, t -> t.bean(RequestTimeline.class).of(-1)),
            new Action<>("log a request", WORKERS, t -> t.bean(RightsRequests.class).open(null)),
            new Action<>("assign a request", WORKERS, t -> t.bean(RightsRequests.class).assign(-1, 0, "x")),
            new Action<>("close a request", WORKERS, t -> t.bean(RightsRequests.class).close(-1, 0, Outcome.COMPLETED, null)),
            new Action<>("add a note", WORKERS, t -> t.bean(RequestTimeline.class).addNote(-1, "")));

    static Stream<Arguments> roleAndAction() {
        return ActionMatrix.everyRoleAndAction(ACTIONS);
    }

    @ParameterizedTest(name = "{0}: {1}")
    @MethodSource("roleAndAction")
    void each_action_is_allowed_exactly_for_its_roles(Role role, Action<RequestActionMatrixTest> action) {
        ActionMatrix.assertAllowedExactlyForItsRoles(this, role, action);
    }
}
