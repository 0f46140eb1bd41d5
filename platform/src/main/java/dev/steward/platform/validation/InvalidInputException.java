package dev.steward.platform.validation;

import java.util.List;

/**
 * Input that breaks rules, from a form, an API call or an imported file: nothing was written, and {@link #problems()}
 * lists every problem found. The one exception every module throws for invalid input; forms show it with
 * {@code dev.steward.platform.ui.FieldErrors#show}, APIs answer it with 400 and one {@code field}/{@code message} pair
 * per problem.
 */
public class InvalidInputException extends IllegalArgumentException {

    /** How many problems {@link #getMessage()} spells out. */
    private static final int SPELLED_OUT = 5;

    /**
     * One broken rule.
     *
     * @param line    the 1-based line of an imported file the problem is on; 0 when it is about no line (a form, an API
     *                call, or a file as a whole)
     * @param field   the form field, JSON property or file column the message belongs next to; null when none
     * @param message what is wrong, in words for the user
     */
    public record Problem(long line, String field, String message) {

        /** A problem with a form field or property, on no line. */
        public Problem(String field, String message) {
            this(0, field, message);
        }

        /** {@code line 3, column owner: Empty} for a file's line; the message alone otherwise. */
        @Override
        public String toString() {
            return (line > 0 ? "line " + line + (field == null ? "" : ", column " + field) + ": " : "") + message;
        }
    }

    private final List<Problem> problems;

    /** @param problems at least one */
    public InvalidInputException(List<Problem> problems) {
        super(describe(problems));
        this.problems = List.copyOf(problems);
    }

    /** One problem with a field (null: with none). */
    public InvalidInputException(String field, String message) {
        this(List.of(new Problem(field, message)));
    }

    public List<Problem> problems() {
        return problems;
    }

    private static String describe(List<Problem> problems) {
        if (problems.isEmpty()) {
            throw new IllegalStateException("Invalid input without a problem");
        }
        String message = String.join("; ", problems.stream().limit(SPELLED_OUT).map(Problem::toString).toList());
        return problems.size() > SPELLED_OUT ? message + "; and " + (problems.size() - SPELLED_OUT) + " more" : message;
    }
}
