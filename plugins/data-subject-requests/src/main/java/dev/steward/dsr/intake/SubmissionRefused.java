package dev.steward.dsr.intake;

/** A public submission refused as a whole (the rate limit, no mail server): the message says what to do and repeats nothing the visitor typed. */
public class SubmissionRefused extends RuntimeException {

    SubmissionRefused(String message) {
        super(message);
    }
}
