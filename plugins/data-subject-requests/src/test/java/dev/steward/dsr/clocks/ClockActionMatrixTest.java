package dev.steward.dsr.clocks;

import dev.steward.dsr.DsrTestBase;
import dev.steward.dsr.requests.Regime;
import dev.steward.platform.security.Role;
import dev.steward.testkit.console.ActionMatrix;
import dev.steward.testkit.console.ActionMatrix.Action;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

import static dev.steward.platform.security.Role.AUDITOR;
import static dev.steward.platform.security.Role.PRIVACY_OFFICER;

/** Each role x each clock action: allowed roles pass the permission check, others are refused. */
class ClockActionMatrixTest extends DsrTestBase {

    private static final Set<Role> READERS = Set.of(PRIVACY_OFFICER, AUDITOR);
    private static final Set<Role> WORKERS = Set.of(PRIVACY_OFFICER);
    private static final Set<Role> ADMINS = Set.of(PRIVACY_OFFICER);

    static final List<Action<ClockActionMatrixTest>> ACTIONS = List.of(
            new Action<>("read a request's clock", READERS, t -> t.bean(Clocks.class).of(-1)),
            new Action<>("explain a due date", READERS, t -> t.bean(Clocks.class).explain(-1)),
            new Action<>("read the clock rules", READERS, t -> t.bean(ClockRules.class).current()),
            new Action<>("read a rule's versions", READERS, t -> t.bean(ClockRules.class).versions(Regime.GDPR)),
            new Action<>("read the promises", READERS, t -> t.bean(Promises.class).current()),
            new Action<>("read the dashboard figures", READERS, t -> {
                t.bean(ClockStats.class).dueWithin(Duration.ofDays(30), 5);
                t.bean(ClockStats.class).dueWithinCount(Duration.ofDays(30));
                t.bean(ClockStats.class).overdueCount();
                t.bean(ClockStats.class).awaitingVerificationCount();
                t.bean(ClockStats.class).medianDaysToClose(Duration.ofDays(365));
            }),
            new Action<>("acknowledge receipt", WORKERS, t -> t.bean(ClockActions.class).acknowledge(-1, 0)),
            new Action<>("extend a clock", WORKERS, t -> t.bean(ClockActions.class).extend(-1, 0, "x", Instant.now())),
            new Action<>("pause a clock", WORKERS, t -> t.bean(ClockActions.class).pause(-1, 0, "x")),
            new Action<>("resume a clock", WORKERS, t -> t.bean(ClockActions.class).resume(-1, 0)),
            new Action<>("change a clock rule", ADMINS, t -> t.bean(ClockRules.class).change(-1, null, "x")),
            new Action<>("set a promise", ADMINS, t -> t.bean(Promises.class).promise(Regime.GDPR, null, null, null)),
            new Action<>("withdraw a promise", ADMINS, t -> t.bean(Promises.class).withdraw(Regime.GDPR, null)));

    static Stream<Arguments> roleAndAction() {
        return ActionMatrix.everyRoleAndAction(ACTIONS);
    }

    @ParameterizedTest(name = "{0}: {1}")
    @MethodSource("roleAndAction")
    void each_action_is_allowed_exactly_for_its_roles(Role role, Action<ClockActionMatrixTest> action) {
        ActionMatrix.assertAllowedExactlyForItsRoles(this, role, action);
    }
}
