package dev.steward.reviews.imports;

import java.util.List;

/**
 * What Steward makes of several uploaded files before the preview: the system that exported them and, per file, what
 * it holds and the group proposed from its name (for files of one group's members).
 */
public record BundlePlan(AccessPreset preset, List<Planned> files) {

    /** One file: its name, what it holds, the group proposed for it (null when it has a group column or is a users file). */
    public record Planned(String fileName, FileKind kind, String group) {
    }
}
