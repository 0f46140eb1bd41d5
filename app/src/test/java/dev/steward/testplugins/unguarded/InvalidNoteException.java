package dev.steward.testplugins.unguarded;

/** A plugin's own exception for invalid input, for the architecture test to catch (plugins use the platform's). */
public class InvalidNoteException extends IllegalArgumentException {

    public InvalidNoteException(String message) {
        super(message);
    }
}
