package dev.steward.dsr.requests;

import dev.steward.platform.validation.Inputs;
import dev.steward.platform.validation.InvalidInputException;
import org.springframework.stereotype.Component;

import java.time.Duration;
import java.time.Instant;
import java.util.EnumSet;

/** Checks a new request whole, field by field, before anything is written; returns it stripped. */
@Component
class RequestFormCheck {

    /** Clocks of this and other machines differ a little; a receipt further ahead is a typing error. */
    private static final Duration CLOCK_SKEW = Duration.ofMinutes(5);
    /** Older requests are history to import, not requests to log: their every clock has run out. */
    private static final Duration OLDEST = Duration.ofDays(400);

    RequestForm checked(RequestForm form) {
        if (form == null) {
            throw new InvalidInputException("request", "The request is empty");
        }
        Inputs.present("channel", form.channel(), "Choose how the request reached us");
        Instant received = Inputs.present("receivedAt", form.receivedAt(), "Say when the request reached us: it starts the clock");
        Instant now = Instant.now();
        if (received.isAfter(now.plus(CLOCK_SKEW))) {
            throw new InvalidInputException("receivedAt", "The request cannot have reached us in the future");
        }
        if (received.isBefore(now.minus(OLDEST))) {
            throw new InvalidInputException("receivedAt", "The request reached us more than 400 days ago: its clock ran out long ago");
        }
        String jurisdiction = Regime.normalise(form.jurisdiction()).orElseThrow(() -> new InvalidInputException("jurisdiction",
                "Say where the requester lives: a country code such as DE or GB, or US-CA for a US state"));
        if (form.types() == null || form.types().isEmpty()) {
            throw new InvalidInputException("types", "Choose at least one thing the requester asks for");
        }
        Requester who = Inputs.present("requester", form.requester(), "Say who the request is from");
        String name = Inputs.required("requesterName", who.name(), "Give the requester's name", 200);
        String email = Inputs.email("requesterEmail", who.email());
        String phone = Inputs.optional("requesterPhone", who.phone(), 50);
        String address = Inputs.optional("requesterAddress", who.address(), 500);
        if (email == null && phone == null && address == null) {
            throw new InvalidInputException("requesterEmail", "Give at least one way to answer the requester: email, telephone or postal address");
        }
        OnBehalf onBehalf = form.onBehalf() == null ? OnBehalf.SELF : form.onBehalf();
        String agentName = Inputs.optional("agentName", form.agentName(), 200);
        String agentEmail = Inputs.email("agentEmail", form.agentEmail());
        if (onBehalf != OnBehalf.SELF && agentName == null) {
            throw new InvalidInputException("agentName", "Name who makes the request for the individual (" + onBehalf.label().toLowerCase() + ")");
        }
        if (onBehalf == OnBehalf.SELF && (agentName != null || agentEmail != null)) {
            throw new InvalidInputException("onBehalf", "An agent is named: say that the request is made on the individual's behalf");
        }
        return new RequestForm(form.channel(), Inputs.optional("receivedVia", form.receivedVia(), 254), received, jurisdiction,
                EnumSet.copyOf(form.types()), new Requester(name, email, phone, address), onBehalf, agentName, agentEmail,
                Inputs.optional("details", form.details(), 10_000));
    }
}
