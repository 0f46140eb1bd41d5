package dev.steward.dsr.requests;

import java.time.Instant;
import java.util.Set;

/**
 * A new request as it arrives: from the public page, the intake API, or typed in by the team from a call, a letter or an
 * email (then {@code receivedAt} is when it reached the company, which starts the clock, not when it was typed in).
 *
 * @param jurisdiction where the requester lives: an ISO country ("DE") or a US state ("US-CA"); decides the {@link Regime}
 * @param receivedVia  the published mailbox, page or address it came through, when known
 */
public record RequestForm(Channel channel, String receivedVia, Instant receivedAt, String jurisdiction, Set<RequestType> types,
                          Requester requester, OnBehalf onBehalf, String agentName, String agentEmail, String details) {

    /** A request made by the individual themself by email, received now. */
    public static RequestForm byEmail(Requester requester, String jurisdiction, Set<RequestType> types) {
        return new RequestForm(Channel.EMAIL, null, Instant.now(), jurisdiction, types, requester, OnBehalf.SELF, null, null, null);
    }

    public RequestForm receivedAt(Instant when) {
        return new RequestForm(channel, receivedVia, when, jurisdiction, types, requester, onBehalf, agentName, agentEmail, details);
    }

    public RequestForm throughAgent(String name, String email) {
        return new RequestForm(channel, receivedVia, receivedAt, jurisdiction, types, requester, OnBehalf.AGENT, name, email, details);
    }

    public RequestForm via(Channel channel, String receivedVia) {
        return new RequestForm(channel, receivedVia, receivedAt, jurisdiction, types, requester, onBehalf, agentName, agentEmail, details);
    }
}
