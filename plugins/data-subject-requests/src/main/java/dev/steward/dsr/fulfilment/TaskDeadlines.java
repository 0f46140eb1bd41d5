package dev.steward.dsr.fulfilment;

import dev.steward.dsr.DsrPermissions;
import dev.steward.platform.spi.DeadlineSource;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.springframework.stereotype.Component;

import java.time.Instant;
import java.util.List;

import static dev.steward.dsr.db.Tables.REQUEST;
import static dev.steward.dsr.db.Tables.TASK;

/**
 * Assigned request tasks with a due date as platform deadlines (My work, reminders, escalation to the owner's
 * manager), owned by their assignee. Titles name the task and the request's reference, never the requester. The
 * request's own deadline is the clock part's.
 */
@Component
class TaskDeadlines implements DeadlineSource {

    private final DSLContext dsl;

    TaskDeadlines(DSLContext dsl) {
        this.dsl = dsl;
    }

    @Override
    public String officerPermission() {
        return DsrPermissions.WORK;
    }

    @Override
    public String readPermission(Deadline deadline) {
        return DsrPermissions.READ;
    }

    /** An assignee sees their own tasks' dates without reading requests. */
    @Override
    public String ownerPermission(Deadline deadline) {
        return DsrPermissions.TASKS;
    }

    @Override
    public List<Deadline> deadlines(DeadlineQuery query) {
        Condition where = TASK.ASSIGNEE.isNotNull().and(TASK.DUE_AT.isNotNull());
        if (query.owners() != null) {
            where = where.and(TASK.ASSIGNEE.in(query.owners()));
        }
        if (query.dueBefore() != null) {
            where = where.and(TASK.DUE_AT.lt(query.dueBefore()));
        }
        if (query.openOnly()) {
            where = where.and(TASK.STATUS.eq(TaskStatus.OPEN.name()));
        }
        Instant now = Instant.now();
        return dsl.select(TASK.ID, TASK.ACTION, TASK.HOLDER_NAME, TASK.ASSIGNEE, TASK.DUE_AT, TASK.STATUS, TASK.OUTCOME, REQUEST.REFERENCE)
                .from(TASK).join(REQUEST).on(REQUEST.ID.eq(TASK.REQUEST_ID)).where(where).orderBy(TASK.DUE_AT, TASK.ID)
                .fetch(r -> {
                    TaskStatus status = TaskStatus.valueOf(r.get(TASK.STATUS));
                    State state = switch (status) {
                        case DONE -> State.MET;
                        case NOT_APPLICABLE -> State.WAIVED;
                        case OPEN -> r.get(TASK.DUE_AT).isBefore(now) ? State.MISSED : State.OPEN;
                    };
                    TaskAction action = TaskAction.valueOf(r.get(TASK.ACTION));
                    return new Deadline("dsr:task:" + r.get(TASK.ID) + ":" + action.name().toLowerCase(), DsrPermissions.PLUGIN_ID,
                            action.label() + " · " + r.get(TASK.HOLDER_NAME) + " for " + r.get(REQUEST.REFERENCE), r.get(TASK.ASSIGNEE),
                            r.get(TASK.DUE_AT), action == TaskAction.DELETE || action.needsConfirmation() ? Severity.HIGH : Severity.MEDIUM,
                            "requests/my-tasks", state, status == TaskStatus.OPEN ? null : r.get(TASK.OUTCOME));
                });
    }
}
