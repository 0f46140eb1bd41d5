package dev.steward.platform.people;

import java.util.List;

/**
 * A checked import file, before anything is written: what it would change, or why it cannot be imported.
 * {@code mapping} is how the file's columns were read (null: Steward's own format).
 * Commit it with {@link PeopleImport#commit(ImportPlan)} only when {@link #importable()}.
 */
public record ImportPlan(String fileName, String sha256, List<ImportRow> rows, List<RowError> errors, Preview preview,
                         PeopleColumnMapping mapping) {

    /** A plan of a file in Steward's own format. */
    public ImportPlan(String fileName, String sha256, List<ImportRow> rows, List<RowError> errors, Preview preview) {
        this(fileName, sha256, rows, errors, preview, null);
    }

    /** One person the file adds or changes; {@code changedFields} is empty for a new person. */
    public record Change(int line, String employeeId, String fullName, boolean added, List<String> changedFields) {
    }

    /** {@code notInFile}: people in the directory the file does not mention; they are kept as they are. */
    public record Preview(int added, int changed, int unchanged, int notInFile, List<String> newOrgUnits,
                          List<Change> changes) {
        static Preview none() {
            return new Preview(0, 0, 0, 0, List.of(), List.of());
        }
    }

    public boolean importable() {
        return errors.isEmpty() && !rows.isEmpty();
    }
}
