package dev.steward.console.backup;

/** A backup or restore that cannot be done, with what to do about it (shown to the operator as it is). */
public class BackupException extends RuntimeException {

    public BackupException(String message) {
        super(message);
    }

    public BackupException(String message, Throwable cause) {
        super(message, cause);
    }
}
