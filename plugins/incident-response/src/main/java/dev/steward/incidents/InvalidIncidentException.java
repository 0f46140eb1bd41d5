package dev.steward.incidents;

import java.util.List;

/** Input that breaks the incident's rules; {@link #problems()} pairs each message with the field it is about. */
public class InvalidIncidentException extends IllegalArgumentException {

    public record Problem(String field, String message) {
    }

    private final List<Problem> problems;

    public InvalidIncidentException(List<Problem> problems) {
        super(problems.stream().map(Problem::message).reduce((a, b) -> a + "; " + b).orElse("Invalid input"));
        this.problems = List.copyOf(problems);
    }

    public InvalidIncidentException(String field, String message) {
        this(List.of(new Problem(field, message)));
    }

    public List<Problem> problems() {
        return problems;
    }
}
