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
}
