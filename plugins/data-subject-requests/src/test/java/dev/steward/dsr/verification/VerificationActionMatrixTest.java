package dev.steward.dsr.verification;

import dev.steward.dsr.DsrTestBase;
import dev.steward.dsr.requests.Regime;
import dev.steward.dsr.requests.RequestType;
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

/** Each role x each verification action: allowed roles pass the permission check, others are refused. */
class VerificationActionMatrixTest extends DsrTestBase {

    private static final Set<Role> READERS = Set.of(PRIVACY_OFFICER, AUDITOR);
    private static final Set<Role> WORKERS = Set.of(PRIVACY_OFFICER);
    private static final Set<Role> ADMINS = Set.of(PRIVACY_OFFICER);

    static final List<Action<VerificationActionMatrixTest>> ACTIONS = List.of(
            new Action<>("read the verification", READERS, t -> t.bean(Verifications.class).state(-1, null)),
            new Action<>("read data points", READERS, t -> t.bean(DataPoints.class).of(-1)),
            new Action<>("read the rules", READERS, t -> t.bean(VerificationRules.class).allCurrent()),
            new Action<>("read a rule's history", READERS, t -> t.bean(VerificationRules.class).history(Regime.CCPA, RequestType.DELETION)),
            new Action<>("record a data point", WORKERS, t -> t.bean(DataPoints.class).record(-1, PointKind.EMAIL, "x")),
            new Action<>("confirm a data point by hand", WORKERS, t -> t.bean(DataPoints.class).confirmByHand(-1, PointKind.EMAIL, "x", "y")),
            new Action<>("verify a request", WORKERS, t -> t.bean(Verifications.class).verify(-1, 0, null)),
            new Action<>("close a request as not verified", WORKERS, t -> t.bean(Verifications.class).fail(-1, 0, "x")),
            new Action<>("deny an excessive request", WORKERS, t -> t.bean(Refusals.class).deny(-1, 0, Ground.EXCESSIVE, "x")),
            new Action<>("charge for an excessive request", WORKERS, t -> t.bean(Refusals.class).chargeFee(-1, Ground.EXCESSIVE, "1", "x")),
            new Action<>("change a verification rule", ADMINS, t -> t.bean(VerificationRules.class).change(null)));

    static Stream<Arguments> roleAndAction() {
        return ActionMatrix.everyRoleAndAction(ACTIONS);
    }

    @ParameterizedTest(name = "{0}: {1}")
    @MethodSource("roleAndAction")
    void each_action_is_allowed_exactly_for_its_roles(Role role, Action<VerificationActionMatrixTest> action) {
        ActionMatrix.assertAllowedExactlyForItsRoles(this, role, action);
    }
}
