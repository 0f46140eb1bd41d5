package dev.steward.reviews.imports;

import java.nio.file.Path;

/**
 * One file of an import made of several files (a system that exports its users and each group's members apart): the
 * name the user's browser gave it, where it was uploaded, and the group its members belong to when the file itself
 * does not say (proposed from the file name, corrected by the user), else null.
 */
public record BundleFile(String fileName, Path path, String group) {

    public BundleFile withGroup(String newGroup) {
        return new BundleFile(fileName, path, newGroup);
    }
}
