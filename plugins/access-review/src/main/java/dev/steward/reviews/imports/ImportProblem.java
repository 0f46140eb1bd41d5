package dev.steward.reviews.imports;

/** One reason a file cannot be imported: where (line and column, 0 when not about one) and why. */
public record ImportProblem(long line, String column, String reason) {

    @Override
    public String toString() {
        return (line > 0 ? "line " + line + (column == null ? "" : ", column " + column) + ": " : "") + reason;
    }
}
