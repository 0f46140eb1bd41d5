package dev.steward.reviews.ldap;

import java.util.List;

/** Settings that break a rule; {@link #problems()} pairs each message with the field (record component) it is about. */
public class InvalidLdapSettingsException extends IllegalArgumentException {

    public record Problem(String field, String message) {
    }

    private final List<Problem> problems;

    public InvalidLdapSettingsException(List<Problem> problems) {
        super(problems.stream().map(Problem::message).reduce((a, b) -> a + "; " + b).orElse("Invalid LDAP settings"));
        this.problems = List.copyOf(problems);
    }

    public List<Problem> problems() {
        return problems;
    }
}
