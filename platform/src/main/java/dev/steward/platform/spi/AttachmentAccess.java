package dev.steward.platform.spi;

/**
 * Extension point: who may read and add files on a module's records. The owning plugin contributes it; files of
 * an owner type that no enabled plugin claims are closed to everyone (default deny). Called with the current user's
 * security context.
 */
public interface AttachmentAccess {

    /** The module (plugin id) whose records this policy covers. */
    String module();

    boolean mayRead(String entityType, String entityId);

    boolean mayWrite(String entityType, String entityId);

    /** The permission that lets a role add and delete files here, so that screens can say who can; none by default. */
    default String writePermission() {
        return null;
    }

    /** Who else may add files without that permission, in words ("the vendor's business owner"); none by default. */
    default String otherWriters() {
        return null;
    }
}
