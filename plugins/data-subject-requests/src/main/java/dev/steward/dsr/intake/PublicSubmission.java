package dev.steward.dsr.intake;

import dev.steward.dsr.requests.OnBehalf;
import dev.steward.dsr.requests.RequestType;

import java.util.Set;

/**
 * What a requester types on the public request page.
 *
 * @param name         the person the request is about
 * @param email        where the code and the answers go
 * @param jurisdiction where that person lives: a country ("DE") or a US state ("US-CA")
 * @param agentName    who makes the request for them, unless {@code onBehalf} is {@link OnBehalf#SELF}
 */
public record PublicSubmission(String name, String email, String jurisdiction, Set<RequestType> types, String details,
                               OnBehalf onBehalf, String agentName) {
}
