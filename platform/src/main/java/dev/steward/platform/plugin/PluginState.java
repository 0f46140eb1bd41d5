package dev.steward.platform.plugin;

/** Where a plugin stands in the registry. Only {@link #ENABLED} plugins show anything or do any work. */
public enum PluginState {
    /** Started and switched on. */
    ENABLED,
    /** Started, but switched off by an admin, or because a plugin it requires is off. */
    DISABLED,
    /** Threw while migrating, starting or registering its views; the reason says what happened. */
    FAILED,
    /** Cannot start: a required plugin is missing or failed, or it was built for another API version. */
    UNRESOLVED
}
