package dev.steward.platform.people;

import java.util.List;

/** A person (or org unit) that breaks a rule; {@link #problems()} names the field of each message. */
public class InvalidPersonException extends IllegalArgumentException {

    private final List<String[]> problems;

    public InvalidPersonException(List<String[]> problems) {
        super(problems.stream().map(p -> p[1]).reduce((a, b) -> a + "; " + b).orElse("Invalid"));
        this.problems = List.copyOf(problems);
    }

    public InvalidPersonException(String field, String message) {
        this(List.<String[]>of(new String[]{field, message}));
    }

    /** Pairs of {field, message}. */
    public List<String[]> problems() {
        return problems;
    }
}
