package dev.steward.dsr.fulfilment;

import dev.steward.dsr.DsrPermissions;
import dev.steward.platform.files.Attachment;
import dev.steward.platform.security.CurrentUser;
import dev.steward.platform.spi.AttachmentAccess;
import org.springframework.stereotype.Component;

/**
 * Files of the plugin's records: a request's files (responses, originals) are read by readers and added by the team;
 * a task's evidence is also read and added by the task's assignee.
 */
@Component
class DsrFiles implements AttachmentAccess {

    static final String REQUEST = "request";
    static final String TASK = "task";

    private final TaskRows tasks;

    DsrFiles(TaskRows tasks) {
        this.tasks = tasks;
    }

    static Attachment.Owner request(long id) {
        return new Attachment.Owner(DsrPermissions.PLUGIN_ID, REQUEST, Long.toString(id));
    }

    static Attachment.Owner task(long id) {
        return new Attachment.Owner(DsrPermissions.PLUGIN_ID, TASK, Long.toString(id));
    }

    @Override
    public String module() {
        return DsrPermissions.PLUGIN_ID;
    }

    @Override
    public boolean mayRead(String entityType, String entityId) {
        return switch (entityType) {
            case REQUEST -> CurrentUser.hasPermission(DsrPermissions.READ);
            case TASK -> CurrentUser.hasPermission(DsrPermissions.READ) || assignedToMe(entityId);
            default -> false;
        };
    }

    @Override
    public boolean mayWrite(String entityType, String entityId) {
        return switch (entityType) {
            case REQUEST -> CurrentUser.hasPermission(DsrPermissions.WORK);
            case TASK -> CurrentUser.hasPermission(DsrPermissions.WORK)
                    || (CurrentUser.hasPermission(DsrPermissions.TASKS) && assignedToMe(entityId));
            default -> false;
        };
    }

    @Override
    public String writePermission() {
        return DsrPermissions.WORK;
    }

    @Override
    public String otherWriters() {
        return "the task's assignee";
    }

    private boolean assignedToMe(String entityId) {
        return entityId.matches("\\d{1,18}") && tasks.assigneeOf(Long.parseLong(entityId)).map(FulfilmentTasks::isMine).orElse(false);
    }
}
