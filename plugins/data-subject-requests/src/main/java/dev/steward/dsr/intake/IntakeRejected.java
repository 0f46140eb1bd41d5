package dev.steward.dsr.intake;

import dev.steward.platform.validation.InvalidInputException.Problem;

import java.util.List;

/** An intake API call that cannot be carried out, with its HTTP status; nothing was written. */
class IntakeRejected extends RuntimeException {

    final int status;
    final List<Problem> problems;

    IntakeRejected(int status, String message, List<Problem> problems) {
        super(message);
        this.status = status;
        this.problems = List.copyOf(problems);
    }

    IntakeRejected(int status, String message) {
        this(status, message, List.of());
    }
}
