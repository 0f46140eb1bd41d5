package dev.steward.dsr.requests;

/** Who reads and adds files on another record type of the plugin (a task's evidence): each part of the plugin says for its own. */
public interface RecordFiles {

    /** The attachment owner's entity type, other than "request". */
    String entityType();

    boolean mayRead(String entityId);

    boolean mayWrite(String entityId);
}
