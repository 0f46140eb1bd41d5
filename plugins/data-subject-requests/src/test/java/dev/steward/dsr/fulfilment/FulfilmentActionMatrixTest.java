package dev.steward.dsr.fulfilment;

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
import static dev.steward.platform.security.Role.MANAGER;
import static dev.steward.platform.security.Role.PRIVACY_OFFICER;
import static dev.steward.platform.security.Role.SECURITY_ANALYST;

/** Each role x each fulfilment action: allowed roles pass the permission check, others are refused. */
class FulfilmentActionMatrixTest extends DsrTestBase {

    private static final Set<Role> READERS = Set.of(PRIVACY_OFFICER, AUDITOR);
    private static final Set<Role> WORKERS = Set.of(PRIVACY_OFFICER);
    private static final Set<Role> TASK_DOERS = Set.of(PRIVACY_OFFICER, MANAGER, SECURITY_ANALYST);

    static final List<Action<FulfilmentActionMatrixTest>> ACTIONS = List.of(
            new Action<>("start fulfilment", WORKERS, t -> t.bean(FulfilmentTasks.class).startFulfilment(-1)),
            new Action<>("list a request's tasks", READERS, t -> t.bean(FulfilmentTasks.class).tasksOf(-1)),
            new Action<>("list my tasks", TASK_DOERS, t -> t.bean(FulfilmentTasks.class).myTasks(true)),
            new Action<>("read a task", TASK_DOERS, t -> t.bean(FulfilmentTasks.class).find(-1)),
            new Action<>("assign a task", WORKERS, t -> t.bean(FulfilmentTasks.class).assign(-1, 0, "x")),
            new Action<>("complete a task", TASK_DOERS, t -> t.bean(TaskOutcomes.class).complete(-1, 0, TaskCompletion.of("x"))),
            new Action<>("set a task aside", TASK_DOERS, t -> t.bean(TaskOutcomes.class).notApplicable(-1, 0, "x")),
            new Action<>("record a deletion exception", WORKERS, t -> t.bean(DeletionExceptions.class).record(-1, "contact", ExceptionBasis.GDPR_E, "x")),
            new Action<>("remove a deletion exception", WORKERS, t -> t.bean(DeletionExceptions.class).remove(-1)),
            new Action<>("list deletion exceptions", READERS, t -> t.bean(DeletionExceptions.class).of(-1)),
            new Action<>("list data categories", READERS, t -> t.bean(DeletionExceptions.class).categories()),
            new Action<>("see whether the response can be prepared", READERS, t -> t.bean(Responses.class).readiness(-1)),
            new Action<>("prepare the response", WORKERS, t -> t.bean(Responses.class).prepare(-1)),
            new Action<>("preview the response letter", WORKERS, t -> t.bean(Responses.class).preview(-1, "x")),
            new Action<>("record a response as sent", WORKERS, t -> t.bean(Responses.class).recordSent(-1, SendMethod.EMAIL, java.time.Instant.now())),
            new Action<>("see whether a response was sent", READERS, t -> t.bean(Responses.class).sent(-1)),
            new Action<>("list who may be assigned tasks", WORKERS, t -> t.bean(FulfilmentTasks.class).assignableUsers()),
            new Action<>("list responses", READERS, t -> t.bean(Responses.class).responses(-1)));

    static Stream<Arguments> roleAndAction() {
        return ActionMatrix.everyRoleAndAction(ACTIONS);
    }

    @ParameterizedTest(name = "{0}: {1}")
    @MethodSource("roleAndAction")
    void each_action_is_allowed_exactly_for_its_roles(Role role, Action<FulfilmentActionMatrixTest> action) {
        ActionMatrix.assertAllowedExactlyForItsRoles(this, role, action);
    }
}
