package dev.steward.dsr.processors;

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
import java.util.UUID;
import java.util.stream.Stream;

import static dev.steward.platform.security.Role.AUDITOR;
import static dev.steward.platform.security.Role.PRIVACY_OFFICER;

/** Each role x each action on processors' instructions: the team sends, readers read, anyone answers through a link. */
class ProcessorActionMatrixTest extends DsrTestBase {

    private static final Set<Role> READERS = Set.of(PRIVACY_OFFICER, AUDITOR);
    private static final Set<Role> WORKERS = Set.of(PRIVACY_OFFICER);
    private static final Set<Role> EVERYONE = EnumSet.allOf(Role.class);

    static final List<Action<ProcessorActionMatrixTest>> ACTIONS = List.of(
            new Action<>("send an instruction", WORKERS, t -> t.bean(ProcessorInstructions.class).send(-1)),
            new Action<>("read a task's instruction", READERS, t -> t.bean(ProcessorInstructions.class).state(-1)),
            new Action<>("read a request's instructions", READERS, t -> t.bean(ProcessorInstructions.class).statesOf(-1)),
            new Action<>("remind and escalate", WORKERS, t -> t.bean(InstructionReminders.class).remindDue(Instant.EPOCH)),
            new Action<>("open the confirmation page", EVERYONE, t -> t.bean(ProcessorConfirmations.class).open("garbage", address())),
            new Action<>("answer on the confirmation page", EVERYONE, t -> t.bean(ProcessorConfirmations.class)
                    .answer("garbage", new ProcessorAnswer(AnswerKind.NO_DATA, null, null, null), address())));

    private static String address() {
        return "matrix-" + UUID.randomUUID();
    }

    static Stream<Arguments> roleAndAction() {
        return ActionMatrix.everyRoleAndAction(ACTIONS);
    }

    @ParameterizedTest(name = "{0}: {1}")
    @MethodSource("roleAndAction")
    void each_action_is_allowed_exactly_for_its_roles(Role role, Action<ProcessorActionMatrixTest> action) {
        ActionMatrix.assertAllowedExactlyForItsRoles(this, role, action);
    }
}
