package dev.steward.platform.people;

/** The user cancelled an import while it was being read; nothing was written. */
public class ImportCancelledException extends RuntimeException {
    public ImportCancelledException() {
        super("Import cancelled; nothing was changed");
    }
}
