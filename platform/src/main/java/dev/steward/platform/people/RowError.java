package dev.steward.platform.people;

/** A problem in an import file: where (line 0 means the whole file) and why. */
public record RowError(int line, String column, String message) {

    public static RowError file(String message) {
        return new RowError(0, null, message);
    }

    @Override
    public String toString() {
        return (line == 0 ? "File" : "Line " + line) + (column == null ? "" : ", column " + column) + ": " + message;
    }
}
