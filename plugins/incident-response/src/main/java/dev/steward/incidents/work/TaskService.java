package dev.steward.incidents.work;

import dev.steward.incidents.IncidentPermissions;
import dev.steward.incidents.IncidentType;
import dev.steward.incidents.Text;
import dev.steward.incidents.db.tables.records.TaskRecord;
import dev.steward.incidents.work.TimelineEntry.Kind;
import dev.steward.platform.notifications.Notification;
import dev.steward.platform.notifications.NotificationService;
import dev.steward.platform.security.CurrentUser;
import dev.steward.platform.security.UserPermissions;
import dev.steward.platform.validation.ConcurrentChangeException;
import org.jooq.DSLContext;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import static dev.steward.incidents.db.Tables.TASK;
import static dev.steward.incidents.db.Tables.TASK_TEMPLATE;

/** An incident's checklist: tasks from the type's template on logging, more by hand, each with assignee and due time. */
@Service
public class TaskService {

    private final DSLContext dsl;
    private final Timeline timeline;
    private final NotificationService notifications;
    private final UserPermissions userPermissions;

    TaskService(DSLContext dsl, Timeline timeline, NotificationService notifications, UserPermissions userPermissions) {
        this.dsl = dsl;
        this.userPermissions = userPermissions;
        this.timeline = timeline;
        this.notifications = notifications;
    }

    /** Adds the checklist of an incident type; part of logging the incident. */
    @PreAuthorize(IncidentPermissions.MAY_WORK)
    public void addFromTemplates(long incidentId, IncidentType type) {
        Instant now = Instant.now();
        dsl.selectFrom(TASK_TEMPLATE).where(TASK_TEMPLATE.INCIDENT_TYPE.eq(type.name())).orderBy(TASK_TEMPLATE.SORT_ORDER)
                .forEach(t -> insert(incidentId, t.getTitle(), null,
                        t.getDueHours() == null ? null : now.plus(Duration.ofHours(t.getDueHours()))));
    }

    @PreAuthorize(IncidentPermissions.MAY_WORK)
    @Transactional
    public Task add(long incidentId, String title, String assignee, Instant due) {
        if (title == null || title.isBlank()) {
            throw new IllegalArgumentException("The task needs a title");
        }
        if (title.strip().length() > 300) {
            throw new IllegalArgumentException("The task title is longer than 300 characters");
        }
        TaskRecord task = insert(incidentId, title.strip(), Text.blankToNull(assignee), due);
        timeline.record(incidentId, Kind.TASK, "Task added: " + task.getTitle()
                + (task.getAssignee() == null ? "" : " (assigned to " + task.getAssignee() + ")"));
        if (task.getAssignee() != null && !task.getAssignee().equals(CurrentUser.username().orElse(null))
                && userPermissions.holds(task.getAssignee(), IncidentPermissions.READ)) {
            notifications.send(new Notification(IncidentPermissions.PLUGIN_ID, "incidents.task-assigned", task.getAssignee(),
                    "Incident task assigned to you", task.getTitle(), "incidents/" + incidentId, Map.of("task", task.getTitle())));
        }
        return toTask(task);
    }

    @PreAuthorize(IncidentPermissions.MAY_WORK)
    @Transactional
    public Task setStatus(long taskId, int version, Task.Status status) {
        TaskRecord task = dsl.selectFrom(TASK).where(TASK.ID.eq(taskId)).forUpdate().fetchOptional()
                .orElseThrow(() -> new IllegalArgumentException("Task " + taskId + " does not exist"));
        if (task.getVersion() != version) {
            throw new ConcurrentChangeException("Someone else changed this task in the meantime; reload and try again");
        }
        if (task.getStatus() == status) {
            return toTask(task);
        }
        task.setStatus(status);
        task.setDoneAt(status == Task.Status.OPEN ? null : Instant.now());
        task.setDoneBy(status == Task.Status.OPEN ? null : CurrentUser.username().orElse("system"));
        task.setVersion(task.getVersion() + 1);
        task.store();
        String what = switch (status) {
            case DONE -> "Task done: ";
            case CANCELLED -> "Task cancelled: ";
            case OPEN -> "Task reopened: ";
        };
        timeline.record(task.getIncidentId(), Kind.TASK, what + task.getTitle());
        return toTask(task);
    }

    @PreAuthorize(IncidentPermissions.MAY_READ)
    @Transactional(readOnly = true)
    public List<Task> of(long incidentId) {
        return dsl.selectFrom(TASK).where(TASK.INCIDENT_ID.eq(incidentId)).orderBy(TASK.STATUS.desc(), TASK.DUE_AT.asc().nullsLast(), TASK.ID)
                .fetch(TaskService::toTask);
    }

    /** Open tasks of an incident, for the phase rules. */
    List<String> openTitles(long incidentId) {
        return dsl.select(TASK.TITLE).from(TASK).where(TASK.INCIDENT_ID.eq(incidentId).and(TASK.STATUS.eq(Task.Status.OPEN)))
                .orderBy(TASK.ID).fetch(TASK.TITLE);
    }

    private TaskRecord insert(long incidentId, String title, String assignee, Instant due) {
        TaskRecord task = dsl.newRecord(TASK);
        task.setIncidentId(incidentId);
        task.setTitle(title);
        task.setAssignee(assignee);
        task.setDueAt(due);
        task.setStatus(Task.Status.OPEN);
        task.setVersion(0);
        task.store();
        return task;
    }

    private static Task toTask(TaskRecord r) {
        return new Task(r.getId(), r.getIncidentId(), r.getTitle(), r.getAssignee(), r.getDueAt(),
                r.getStatus(), r.getDoneAt(), r.getDoneBy(), r.getVersion());
    }

}
