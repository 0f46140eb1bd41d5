package dev.steward.dsr.fulfilment;

import dev.steward.dsr.DsrPermissions;
import dev.steward.dsr.db.tables.records.TaskRecord;
import dev.steward.dsr.requests.RequestTimeline;
import dev.steward.dsr.requests.RightsRequest;
import dev.steward.dsr.requests.RightsRequests;
import dev.steward.platform.catalog.CatalogKind;
import dev.steward.platform.catalog.PrivacyCatalog;
import dev.steward.platform.security.CurrentUser;
import dev.steward.platform.validation.ConcurrentChangeException;
import dev.steward.platform.validation.Inputs;
import dev.steward.platform.validation.InvalidInputException;
import org.jooq.DSLContext;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

import static dev.steward.dsr.db.Tables.TASK;

/**
 * The fulfilment tasks of verified requests: made from the personal-data map when fulfilment starts, assigned to
 * the holder's owner, done by them with what they did and evidence. Holders of {@code dsr.tasks} see and do only the
 * tasks assigned to them; the privacy team sees and does all.
 */
@Service
public class FulfilmentTasks {

    /** Tasks are due this long before the request, so that the answer can be put together in time. */
    static final Duration LEAD = Duration.ofDays(5);

    private final DSLContext dsl;
    private final RightsRequests requests;
    private final Holders holders;
    private final PrivacyCatalog catalog;
    private final RequestTimeline timeline;
    private final TaskRows rows;
    private final TaskAssignees assignees;

    FulfilmentTasks(DSLContext dsl, RightsRequests requests, Holders holders, PrivacyCatalog catalog, RequestTimeline timeline,
                    TaskRows rows, TaskAssignees assignees) {
        this.dsl = dsl;
        this.requests = requests;
        this.holders = holders;
        this.catalog = catalog;
        this.timeline = timeline;
        this.rows = rows;
        this.assignees = assignees;
    }

    /** Starts fulfilment over every category of data held (called when the request is verified). */
    @PreAuthorize(DsrPermissions.MAY_WORK)
    @Transactional
    public List<Task> startFulfilment(long requestId) {
        return startFulfilment(requestId, Set.of());
    }

    /**
     * Makes the tasks the request needs for the catalogue categories it involves (empty: all). Tasks already made are
     * kept as they are, so that starting again after the map changed adds only the new holders' tasks.
     */
    @PreAuthorize(DsrPermissions.MAY_WORK)
    @Transactional
    public List<Task> startFulfilment(long requestId, Set<String> categories) {
        RightsRequest request = requests.find(requestId).orElseThrow(() -> new InvalidInputException("request", "There is no request " + requestId));
        if (!request.open()) {
            throw new InvalidInputException("request", "Request " + request.reference() + " is closed");
        }
        Set<String> involved = new TreeSet<>(categories == null ? Set.of() : categories);
        for (String code : involved) {
            if (code == null || !catalog.exists(CatalogKind.DATA_CATEGORY, code)) {
                throw new InvalidInputException("categories", "There is no data category " + code + " in the catalogue");
            }
        }
        Instant due = dueOf(request);
        int made = 0;
        for (TaskPlanner.Planned p : TaskPlanner.plan(request.types(), involved, holders.holders())) {
            Set<String> held = p.holder().categories().isEmpty() || involved.isEmpty() ? p.holder().categories()
                    : p.holder().categories().stream().filter(involved::contains).collect(Collectors.toSet());
            made += dsl.insertInto(TASK)
                    .set(TASK.REQUEST_ID, requestId)
                    .set(TASK.ACTION, p.action().name())
                    .set(TASK.HOLDER_TYPE, p.holder().type())
                    .set(TASK.HOLDER_ID, p.holder().id())
                    .set(TASK.HOLDER_NAME, clip(p.holder().name(), 300))
                    .set(TASK.HOLDER_KIND, p.holder().kind().name())
                    .set(TASK.VIA_ID, p.holder().viaId() == null ? "" : p.holder().viaId())
                    .set(TASK.VIA_NAME, p.viaName() == null ? null : clip(p.viaName(), 300))
                    .set(TASK.CONTACT_EMAIL, p.holder().contactEmail())
                    .set(TASK.CATEGORIES, String.join(",", new TreeSet<>(held)))
                    .set(TASK.ASSIGNEE, assignees.of(p.holder().ownerPersonId()).orElse(request.assignee()))
                    .set(TASK.DUE_AT, due)
                    .set(TASK.CREATED_AT, Instant.now())
                    .onConflictDoNothing().execute();
        }
        timeline.record(requestId, RequestTimeline.Kind.TASK, made == 0 ? "Fulfilment started: no new tasks"
                : "Fulfilment started: " + made + (made == 1 ? " task" : " tasks")
                + (involved.isEmpty() ? " for every category of data held" : " for " + String.join(", ", involved)));
        return rows.where(TASK.REQUEST_ID.eq(requestId));
    }

    @PreAuthorize(DsrPermissions.MAY_READ)
    @Transactional(readOnly = true)
    public List<Task> tasksOf(long requestId) {
        return rows.where(TASK.REQUEST_ID.eq(requestId));
    }

    /** The signed-in user's tasks (open first, soonest due first). */
    @PreAuthorize(DsrPermissions.MAY_DO_TASKS)
    @Transactional(readOnly = true)
    public List<Task> myTasks(boolean openOnly) {
        String me = CurrentUser.username().orElseThrow();
        return rows.where(TASK.ASSIGNEE.eq(me).and(openOnly ? TASK.STATUS.eq(TaskStatus.OPEN.name()) : TASK.ID.isNotNull()));
    }

    /** One task: to its assignee, and to those who read requests. */
    @PreAuthorize(DsrPermissions.MAY_DO_TASKS)
    @Transactional(readOnly = true)
    public Task find(long taskId) {
        Task task = rows.find(taskId).orElseThrow(() -> new InvalidInputException("task", "There is no task " + taskId));
        if (!CurrentUser.hasPermission(DsrPermissions.READ) && !isMine(task.assignee())) {
            throw new AccessDeniedException("Task " + taskId + " is not assigned to you");
        }
        return task;
    }

    @PreAuthorize(DsrPermissions.MAY_WORK)
    @Transactional
    public Task assign(long taskId, int version, String username) {
        TaskRecord t = locked(taskId, version, false);
        String to = Inputs.optional("assignee", username, 100);
        t.setAssignee(to);
        t.setVersion(version + 1);
        t.store();
        timeline.record(t.getRequestId(), RequestTimeline.Kind.TASK, describe(t) + (to == null ? ": unassigned" : ": assigned to " + to));
        return rows.find(taskId).orElseThrow();
    }

    /** Whether the current user may complete or set aside this task: its assignee, or the privacy team. */
    @PreAuthorize(DsrPermissions.MAY_DO_TASKS)
    public boolean mayDo(Task task) {
        return task.open() && (CurrentUser.hasPermission(DsrPermissions.WORK) || isMine(task.assignee()));
    }

    static boolean isMine(String assignee) {
        return assignee != null && assignee.equals(CurrentUser.username().orElse(null));
    }

    TaskRecord locked(long taskId, int version, boolean byAssignee) {
        TaskRecord t = dsl.selectFrom(TASK).where(TASK.ID.eq(taskId)).forUpdate().fetchOptional()
                .orElseThrow(() -> new InvalidInputException("task", "There is no task " + taskId));
        if (byAssignee && !CurrentUser.hasPermission(DsrPermissions.WORK) && !isMine(t.getAssignee())) {
            throw new AccessDeniedException("Task " + taskId + " is not assigned to you");
        }
        if (t.getVersion() != version) {
            throw new ConcurrentChangeException("Someone else changed this task in the meantime; reload and try again");
        }
        if (!TaskStatus.OPEN.name().equals(t.getStatus())) {
            throw new InvalidInputException("task", "This task is already " + TaskStatus.valueOf(t.getStatus()).label().toLowerCase());
        }
        return t;
    }

    static String describe(TaskRecord t) {
        return TaskAction.valueOf(t.getAction()).label() + " · " + t.getHolderName();
    }

    private static Instant dueOf(RightsRequest request) {
        if (request.dueAt() == null) {
            return null;
        }
        Instant early = request.dueAt().minus(LEAD);
        Instant tomorrow = Instant.now().plus(Duration.ofDays(1));
        Instant soonest = tomorrow.isBefore(request.dueAt()) ? tomorrow : request.dueAt();
        return early.isAfter(soonest) ? early : soonest;
    }

    private static String clip(String text, int max) {
        return text.length() > max ? text.substring(0, max - 1) + "…" : text;
    }
}
