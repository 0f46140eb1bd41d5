package dev.steward.testkit.console;

import dev.steward.platform.security.Role;
import org.junit.jupiter.params.provider.Arguments;
import org.springframework.security.access.AccessDeniedException;

import java.util.List;
import java.util.Set;
import java.util.function.Consumer;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * A plugin's role x action matrix, checked on its services (hiding a button is not access control): each role runs
 * each action; the allowed roles get past the permission check (the action then works or fails on a business rule,
 * which may itself be a refusal with its own message, such as "not your vendor"), every other role is refused.
 * <pre>{@code
 * static final List<Action<MyMatrixTest>> ACTIONS = List.of(
 *         new Action<>("read a note", READERS, t -> t.bean(Notes.class).find(-1)));
 *
 * static Stream<Arguments> roleAndAction() { return ActionMatrix.everyRoleAndAction(ACTIONS); }
 *
 * @ParameterizedTest(name = "{0}: {1}")
 * @MethodSource("roleAndAction")
 * void each_action_is_allowed_exactly_for_its_roles(Role role, Action<MyMatrixTest> action) {
 *     ActionMatrix.assertAllowedExactlyForItsRoles(this, role, action);
 * }
 * }</pre>
 */
public final class ActionMatrix {

    /** The message of a refusal by a method's permission check (Spring Security's), as opposed to a business rule's. */
    private static final String PERMISSION_REFUSAL = "Access Denied";

    /** One action, run against the test instance, and the roles that may run it. */
    public record Action<T extends PluginServiceTestBase>(String name, Set<Role> allowed, Consumer<T> run) {
        @Override
        public String toString() {
            return name;
        }
    }

    private ActionMatrix() {
    }

    /** Every role with every action: the arguments of the parameterized test. */
    public static <T extends PluginServiceTestBase> Stream<Arguments> everyRoleAndAction(List<Action<T>> actions) {
        return Stream.of(Role.values()).flatMap(role -> actions.stream().map(action -> Arguments.of(role, action)));
    }

    /** Signs in as a user of the role alone and runs the action: refused exactly when the role is not allowed. */
    public static <T extends PluginServiceTestBase> void assertAllowedExactlyForItsRoles(T test, Role role, Action<T> action) {
        test.loginAs("matrix-" + role.name().toLowerCase(), role);
        if (action.allowed().contains(role)) {
            try {
                action.run().accept(test);
            } catch (AccessDeniedException refused) {
                if (PERMISSION_REFUSAL.equals(refused.getMessage())) {
                    throw new AssertionError(role + " was refused by the permission check: " + action, refused);
                }
            } catch (RuntimeException businessRule) {
                // past the permission check: the action's own rules may refuse the made-up input
            }
        } else {
            assertThatThrownBy(() -> action.run().accept(test)).as("%s: %s", role, action).isInstanceOf(AccessDeniedException.class);
        }
    }
}
