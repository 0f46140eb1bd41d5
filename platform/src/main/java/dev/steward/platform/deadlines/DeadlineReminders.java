package dev.steward.platform.deadlines;

import dev.steward.platform.notifications.Notification;
import dev.steward.platform.notifications.NotificationService;
import dev.steward.platform.people.TeamDirectory;
import dev.steward.platform.plugin.ExtensionRegistry;
import dev.steward.platform.security.PermissionCatalog;
import dev.steward.platform.security.UserPermissions;
import dev.steward.platform.spi.DeadlineSource;
import dev.steward.platform.spi.DeadlineSource.Deadline;
import dev.steward.platform.spi.DeadlineSource.DeadlineQuery;
import org.jooq.DSLContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import static dev.steward.platform.db.generated.Tables.APP_USER;
import static dev.steward.platform.db.generated.Tables.DEADLINE_NOTICE;
import static dev.steward.platform.db.generated.Tables.USER_ROLE;

/**
 * Reminds owners before their deadlines ({@code steward.deadlines.reminders}, e.g. P3D,P1D,PT4H, or the deadline's own
 * schedule: one reminder per offset reached, only the closest one when several are reached at once) and escalates
 * missed ones to the owner and the deadline's escalation recipients, else their manager, or the module's officers
 * when the owner has no manager (or the recipients are only the owner). Each notice is recorded with a unique
 * key in the same transaction as its notifications, so it goes out exactly once, across runs and instances.
 * <p>
 * A notice names the record, so it goes only to users who may read the deadline ({@link DeadlineAccess}): an owner
 * who may not is not told its details and the module's officers hear of it instead; an escalation recipient who may
 * not (a manager without the module's read permission) is replaced by the module's officers.
 */
@Component
public class DeadlineReminders {

    private static final Logger log = LoggerFactory.getLogger(DeadlineReminders.class);

    private final ExtensionRegistry registry;
    private final NotificationService notifications;
    private final TeamDirectory team;
    private final PermissionCatalog permissions;
    private final UserPermissions userPermissions;
    private final DSLContext dsl;
    private final TransactionTemplate transaction;
    private final List<Duration> offsets;

    public DeadlineReminders(ExtensionRegistry registry, NotificationService notifications, TeamDirectory team,
                             PermissionCatalog permissions, UserPermissions userPermissions, DSLContext dsl,
                             TransactionTemplate transaction,
                             @Value("${steward.deadlines.reminders:P3D,P1D,PT4H}") String offsets) {
        this.registry = registry;
        this.notifications = notifications;
        this.team = team;
        this.permissions = permissions;
        this.userPermissions = userPermissions;
        this.dsl = dsl;
        this.transaction = transaction;
        this.offsets = Arrays.stream(offsets.split(",")).map(String::trim).map(Duration::parse)
                .sorted(Comparator.reverseOrder()).toList();
    }

    /** One pass over every enabled module's open deadlines; returns how many notices were sent. */
    public int runOnce(Instant now) {
        Duration consoleLongest = offsets.isEmpty() ? Duration.ZERO : offsets.getFirst();
        Map<String, Set<String>> permissionsOfUser = new HashMap<>();
        Readers readers = (source, d, user) -> DeadlineAccess.maySee(source, d, user,
                permissionsOfUser.computeIfAbsent(user, userPermissions::of)::contains);
        int sent = 0;
        for (DeadlineSource source : registry.contributions(DeadlineSource.class)) {
            Duration longest = source.longestReminder().compareTo(consoleLongest) > 0 ? source.longestReminder() : consoleLongest;
            for (Deadline deadline : source.deadlines(new DeadlineQuery(null, now.plus(longest), true))) {
                try {
                    Boolean done = transaction.execute(status -> notify(source, deadline, now, readers));
                    sent += Boolean.TRUE.equals(done) ? 1 : 0;
                } catch (RuntimeException e) {
                    log.error("Deadline {}: reminder failed", deadline.key(), e);
                }
            }
        }
        return sent;
    }

    private boolean notify(DeadlineSource source, Deadline d, Instant now, Readers readers) {
        if (d.state() != DeadlineSource.State.OPEN && d.state() != DeadlineSource.State.MISSED) {
            return false;
        }
        boolean ownerMaySee = readers.maySee(source, d, d.owner());
        if (!d.due().isAfter(now)) {
            if (!firstTime(d.key(), "ESCALATION")) {
                return false;
            }
            if (ownerMaySee) {
                send(d, d.owner(), "deadlines.missed", "Overdue: " + d.title());
            }
            escalationRecipients(source, d, ownerMaySee, readers).forEach(user -> send(d, user, "deadlines.escalation",
                    "Escalation: " + d.title() + " (owner " + d.owner() + ") is overdue"));
            return true;
        }
        List<Duration> schedule = d.reminders() == null ? offsets
                : d.reminders().stream().sorted(Comparator.reverseOrder()).toList();
        Duration reached = schedule.stream().filter(o -> !now.isBefore(d.due().minus(o))).reduce((a, b) -> b).orElse(null);
        if (reached == null || !firstTime(d.key(), "REMINDER:" + reached)) {
            return false;
        }
        if (ownerMaySee) {
            send(d, d.owner(), "deadlines.reminder", "Due soon: " + d.title());
        } else {
            officers(source.officerPermission(), d.owner()).forEach(user -> send(d, user, "deadlines.reminder",
                    "Due soon: " + d.title() + " (owner " + d.owner() + " may not open it)"));
        }
        return true;
    }

    /** The escalation's recipients who may read it; the module's officers stand in for those who may not. */
    private Set<String> escalationRecipients(DeadlineSource source, Deadline d, boolean ownerMaySee, Readers readers) {
        Set<String> named;
        if (d.escalateTo() != null) {
            named = new TreeSet<>(d.escalateTo());
            named.remove(d.owner());
        } else {
            named = team.managerOf(d.owner()).map(Set::of).orElse(Set.of());
        }
        Set<String> recipients = new TreeSet<>();
        boolean officersNeeded = named.isEmpty() || !ownerMaySee;
        for (String user : named) {
            if (readers.maySee(source, d, user)) {
                recipients.add(user);
            } else {
                officersNeeded = true;
            }
        }
        if (officersNeeded) {
            recipients.addAll(officers(source.officerPermission(), d.owner()));
        }
        return recipients;
    }

    private Set<String> officers(String permission, String owner) {
        List<String> roles = permissions.permissionsByRole().entrySet().stream()
                .filter(e -> e.getValue().contains(permission)).map(e -> e.getKey().name()).toList();
        Set<String> users = new TreeSet<>(dsl.selectDistinct(APP_USER.USERNAME).from(APP_USER).join(USER_ROLE)
                .on(USER_ROLE.USER_ID.eq(APP_USER.ID)).where(USER_ROLE.ROLE.in(roles)).and(APP_USER.ACTIVE.isTrue())
                .fetch(APP_USER.USERNAME));
        users.remove(owner);
        return users;
    }

    private boolean firstTime(String key, String notice) {
        return dsl.insertInto(DEADLINE_NOTICE).set(DEADLINE_NOTICE.DEADLINE_KEY, key).set(DEADLINE_NOTICE.NOTICE, notice)
                .onConflictDoNothing().execute() == 1;
    }

    private void send(Deadline d, String recipient, String kind, String title) {
        notifications.send(new Notification(d.module(), kind, recipient, title,
                "Due " + d.due() + (d.note() == null ? "" : ". " + d.note()), d.link(), Map.of("key", d.key())));
    }

    /** Whether a user may read a deadline, with each user's permissions looked up once per run. */
    @FunctionalInterface
    private interface Readers {
        boolean maySee(DeadlineSource source, Deadline deadline, String user);
    }
}
