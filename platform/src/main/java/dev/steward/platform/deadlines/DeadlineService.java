package dev.steward.platform.deadlines;

import dev.steward.platform.audit.AuditEvent;
import dev.steward.platform.audit.AuditTrail;
import dev.steward.platform.people.TeamDirectory;
import dev.steward.platform.plugin.ExtensionRegistry;
import dev.steward.platform.security.CurrentUser;
import dev.steward.platform.security.PlatformPermissions;
import dev.steward.platform.spi.DeadlineSource;
import dev.steward.platform.spi.DeadlineSource.Deadline;
import dev.steward.platform.spi.DeadlineSource.DeadlineQuery;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * "My work" and the team view: open deadlines from every enabled module, grouped by when they are due; only those the
 * current user may read (see {@link DeadlineAccess}).
 */
@Service
public class DeadlineService {

    private final ExtensionRegistry registry;
    private final TeamDirectory team;
    private final AuditTrail audit;

    public DeadlineService(ExtensionRegistry registry, TeamDirectory team, AuditTrail audit) {
        this.registry = registry;
        this.team = team;
        this.audit = audit;
    }

    /** The current user's open items. */
    @PreAuthorize("hasAuthority('" + PlatformPermissions.DASHBOARD + "')")
    public List<WorkItem> myWork(ZoneId zone) {
        String me = CurrentUser.username().orElseThrow();
        List<Deadline> items = new ArrayList<>();
        for (DeadlineSource source : registry.contributions(DeadlineSource.class)) {
            source.deadlines(new DeadlineQuery(Set.of(me), null, true)).stream()
                    .filter(d -> DeadlineAccess.maySee(source, d, me, CurrentUser::hasPermission)).forEach(items::add);
        }
        return grouped(items, zone);
    }

    /**
     * Items of the people who report to the current user that the user may read, and every item of the modules whose
     * officer permission the user holds.
     */
    @PreAuthorize("hasAuthority('" + PlatformPermissions.DASHBOARD + "')")
    public List<WorkItem> teamWork(ZoneId zone) {
        String me = CurrentUser.username().orElseThrow();
        Set<String> reports = team.reportsOf(me);
        Map<String, Deadline> items = new LinkedHashMap<>();
        for (DeadlineSource source : registry.contributions(DeadlineSource.class)) {
            boolean officer = CurrentUser.hasPermission(source.officerPermission());
            if (officer || !reports.isEmpty()) {
                source.deadlines(new DeadlineQuery(officer ? null : reports, null, true)).stream()
                        .filter(d -> DeadlineAccess.maySee(source, d, me, CurrentUser::hasPermission))
                        .forEach(d -> items.put(d.key(), d));
            }
        }
        return grouped(new ArrayList<>(items.values()), zone);
    }

    /**
     * Records an extension of a deadline (the module stores the new due date itself): the reason is required and
     * the change goes to the audit log in the caller's transaction.
     */
    @Transactional
    public void recordExtension(Deadline deadline, Instant newDue, String reason) {
        if (reason == null || reason.isBlank()) {
            throw new IllegalArgumentException("Say why the deadline moves: the reason is kept in the audit log");
        }
        if (!newDue.isAfter(deadline.due())) {
            throw new IllegalArgumentException("An extension must move the deadline later");
        }
        audit.record(AuditEvent.of(deadline.module(), "deadline", deadline.key(), "EXTEND")
                .before(Map.of("due", deadline.due())).after(Map.of("due", newDue)).reason(reason.trim()));
    }

    static List<WorkItem> grouped(List<Deadline> items, ZoneId zone) {
        Instant now = Instant.now();
        return items.stream().sorted(Comparator.comparing(Deadline::due))
                .map(d -> new WorkItem(d, WorkGroup.of(d.due(), now, zone))).toList();
    }
}
