package dev.steward.dsr.fulfilment;

import dev.steward.dsr.DsrPermissions;
import dev.steward.dsr.requests.RecordFiles;
import dev.steward.platform.files.Attachment;
import dev.steward.platform.security.CurrentUser;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Component;

/** A task's evidence: read by readers of requests and by the task's assignee, added by the team and by the assignee. */
// asked by the plugin's file policy for any user: the answers are the permission checks, so the methods are open
@PreAuthorize(DsrPermissions.ANYONE)
@Component
class TaskFiles implements RecordFiles {

    static final String TASK = "task";

    private final TaskRows tasks;

    TaskFiles(TaskRows tasks) {
        this.tasks = tasks;
    }

    /** The response's files belong to the request itself (the request part's "request" files). */
    static Attachment.Owner request(long id) {
        return new Attachment.Owner(DsrPermissions.PLUGIN_ID, "request", Long.toString(id));
    }

    static Attachment.Owner task(long id) {
        return new Attachment.Owner(DsrPermissions.PLUGIN_ID, TASK, Long.toString(id));
    }

    @Override
    public String entityType() {
        return TASK;
    }

    @Override
    public boolean mayRead(String entityId) {
        return CurrentUser.hasPermission(DsrPermissions.READ) || assignedToMe(entityId);
    }

    @Override
    public boolean mayWrite(String entityId) {
        return CurrentUser.hasPermission(DsrPermissions.WORK) || (CurrentUser.hasPermission(DsrPermissions.TASKS) && assignedToMe(entityId));
    }

    private boolean assignedToMe(String entityId) {
        return entityId != null && entityId.matches("\\d{1,18}")
                && tasks.assigneeOf(Long.parseLong(entityId)).map(FulfilmentTasks::isMine).orElse(false);
    }
}
