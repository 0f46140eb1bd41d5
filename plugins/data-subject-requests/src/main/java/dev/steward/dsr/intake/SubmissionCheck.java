package dev.steward.dsr.intake;

import dev.steward.dsr.requests.OnBehalf;
import dev.steward.dsr.requests.Regime;
import dev.steward.platform.validation.InvalidInputException;
import dev.steward.platform.validation.InvalidInputException.Problem;
import dev.steward.platform.validation.Inputs;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.function.Supplier;

/**
 * Checks a public submission whole and names every field that is wrong at once. Messages never repeat what was typed:
 * the page must not echo personal data back.
 */
final class SubmissionCheck {

    private final List<Problem> problems = new ArrayList<>();

    private SubmissionCheck() {
    }

    /** The submission stripped, or {@link InvalidInputException} naming each bad field. */
    static PublicSubmission checked(PublicSubmission s) {
        if (s == null) {
            throw new InvalidInputException("name", "The request is empty");
        }
        SubmissionCheck check = new SubmissionCheck();
        String name = check.field(() -> Inputs.required("name", s.name(), "Give the name of the person the request is about", 200));
        String email = check.field(() -> Inputs.required("email", s.email(), "Give an email address: we send the code there", 254));
        if (email != null) {
            email = check.field(() -> Inputs.email("email", s.email()));
        }
        String jurisdiction = Regime.normalise(s.jurisdiction()).filter(j -> !j.equals("US")).orElse(null);
        if (jurisdiction == null) {
            check.problems.add(new Problem("jurisdiction", "Choose the country where the person lives, and the state for the United States"));
        }
        if (s.types() == null || s.types().isEmpty()) {
            check.problems.add(new Problem("types", "Choose at least one thing you ask for"));
        }
        String details = check.field(() -> Inputs.optional("details", s.details(), 10_000));
        OnBehalf onBehalf = s.onBehalf() == null ? OnBehalf.SELF : s.onBehalf();
        String agentName = check.field(() -> Inputs.optional("agentName", s.agentName(), 200));
        if (onBehalf != OnBehalf.SELF && agentName == null && !check.named("agentName")) {
            check.problems.add(new Problem("agentName", "Give your own name, as you make the request for someone else"));
        }
        if (!check.problems.isEmpty()) {
            throw new InvalidInputException(check.problems);
        }
        return new PublicSubmission(name, email, jurisdiction, EnumSet.copyOf(s.types()), details, onBehalf,
                onBehalf == OnBehalf.SELF ? null : agentName);
    }

    private String field(Supplier<String> read) {
        try {
            return read.get();
        } catch (InvalidInputException invalid) {
            problems.addAll(invalid.problems());
            return null;
        }
    }

    private boolean named(String field) {
        return problems.stream().anyMatch(p -> field.equals(p.field()));
    }
}
