package dev.steward.vendors.imports;

/** One reason a file cannot be imported: where (line and column; line 0 for the whole file) and why. */
public record ImportProblem(long line, String column, String reason) {

    @Override
    public String toString() {
        return (line > 0 ? "line " + line + (column == null ? "" : ", column " + column) + ": " : "") + reason;
    }
}
