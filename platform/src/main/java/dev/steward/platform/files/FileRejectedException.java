package dev.steward.platform.files;

/** An upload that is refused (too big, a type not allowed, a name that lies about the content); nothing was stored. */
public class FileRejectedException extends IllegalArgumentException {
    public FileRejectedException(String message) {
        super(message);
    }
}
