package dev.steward.dsr.fulfilment;

import dev.steward.dsr.DsrPermissions;
import dev.steward.dsr.db.tables.records.TaskRecord;
import dev.steward.dsr.requests.RequestTimeline;
import dev.steward.platform.security.CurrentUser;
import dev.steward.platform.validation.ConcurrentChangeException;
import dev.steward.platform.validation.Inputs;
import dev.steward.platform.validation.InvalidInputException;
import org.jooq.DSLContext;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.util.List;
import java.util.Set;

import static dev.steward.dsr.db.Tables.TASK;

/**
 * The fulfilment tasks of verified requests: made from the personal-data map when fulfilment starts, assigned to
 * the holder's owner, done by them with what they did and evidence. Holders of {@code dsr.tasks} see and do only the
 * tasks assigned to them; the privacy team sees and does all.
 */
@Service
public class FulfilmentTasks {

    private final DSLContext dsl;
    private final TaskMaker maker;
    private final RequestTimeline timeline;
    private final TaskRows rows;

    private final TaskAssignees assignees;

    FulfilmentTasks(DSLContext dsl, TaskMaker maker, RequestTimeline timeline, TaskRows rows, TaskAssignees assignees) {
        this.assignees = assignees;
        this.dsl = dsl;
        this.maker = maker;
        this.timeline = timeline;
        this.rows = rows;
    }

    /** Starts (or, after the personal-data map changed, completes) fulfilment over every category of data held; verification starts it by itself. */
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
        maker.make(requestId, categories, true);
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

    /** The users a task may be given to: active, with a role holding dsr.tasks or dsr.work. */
    @PreAuthorize(DsrPermissions.MAY_WORK)
    @Transactional(readOnly = true)
    public List<Assignee> assignableUsers() {
        return assignees.assignable();
    }

    /** Gives the task to one of {@link #assignableUsers()}, or to nobody (null). */
    @PreAuthorize(DsrPermissions.MAY_WORK)
    @Transactional
    public Task assign(long taskId, int version, String username) {
        String to = Inputs.optional("assignee", username, 100);
        TaskRecord t = locked(taskId, version, false);
        if (to != null && !to.equals(t.getAssignee()) && !assignees.mayBeAssigned(to)) {
            throw new InvalidInputException("assignee", "There is no active user " + to + " who may do request tasks");
        }
        t.setAssignee(to);
        t.setVersion(version + 1);
        t.store();
        timeline.record(t.getRequestId(), RequestTimeline.Kind.TASK, describe(t) + (to == null ? ": unassigned" : ": assigned to " + to));
        return rows.find(taskId).orElseThrow();
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
}
