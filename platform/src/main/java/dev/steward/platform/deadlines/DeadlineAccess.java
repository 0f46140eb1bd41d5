package dev.steward.platform.deadlines;

import dev.steward.platform.spi.DeadlineSource;
import dev.steward.platform.spi.DeadlineSource.Deadline;

import java.util.function.Predicate;

/**
 * Who may see a deadline (on screen or in a notice): the module's officers, holders of its read permission, and its
 * owner when they hold its owner permission. A permission a source leaves null is held by no one.
 */
final class DeadlineAccess {

    private DeadlineAccess() {
    }

    /**
     * @param user  the viewer or recipient
     * @param holds whether that user holds a permission
     */
    static boolean maySee(DeadlineSource source, Deadline deadline, String user, Predicate<String> holds) {
        Predicate<String> granted = permission -> permission != null && holds.test(permission);
        return granted.test(source.officerPermission()) || granted.test(source.readPermission(deadline))
                || (user != null && user.equals(deadline.owner()) && granted.test(source.ownerPermission(deadline)));
    }
}
