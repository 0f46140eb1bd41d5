package dev.steward.platform.people;

/** Told how far a long import has come; called from the worker thread. */
@FunctionalInterface
public interface ImportProgress {

    ImportProgress NONE = (phase, done, total) -> { };

    void update(String phase, long done, long total);
}
