package dev.steward.dsr.intake;

import dev.steward.dsr.requests.Channel;
import dev.steward.dsr.requests.OnBehalf;
import dev.steward.dsr.requests.RequestForm;
import dev.steward.dsr.requests.RequestType;
import dev.steward.dsr.requests.Requester;
import dev.steward.platform.validation.InvalidInputException.Problem;
import tools.jackson.databind.JsonNode;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Reads an intake call's JSON into a new request, naming every field it cannot read (wrong JSON type, unknown name or
 * value). Whether the values make a valid request is the request's own check (answered 422). Messages name the
 * field and what it takes, never the value sent.
 */
final class ApiFields {

    private final JsonNode body;
    private final Set<String> known = new LinkedHashSet<>();
    private final List<Problem> problems = new ArrayList<>();

    private ApiFields(JsonNode body) {
        this.body = body;
    }

    record Read(RequestForm form, List<Problem> problems) {
    }

    static Read read(JsonNode body, String client) {
        ApiFields f = new ApiFields(body);
        String name = f.text("name");
        String email = f.text("email");
        String phone = f.text("phone");
        String address = f.text("address");
        String jurisdiction = f.text("jurisdiction");
        Set<RequestType> types = f.types();
        String details = f.text("details");
        OnBehalf onBehalf = f.choice("onBehalf", OnBehalf.class);
        String agentName = f.text("agentName");
        String agentEmail = f.text("agentEmail");
        Instant receivedAt = f.instant("receivedAt");
        String receivedVia = f.text("receivedVia");
        body.propertyNames().stream().filter(n -> !f.known.contains(n)).sorted()
                .forEach(n -> f.problems.add(new Problem(n, "Unknown field " + n)));
        RequestForm form = new RequestForm(Channel.API, receivedVia == null ? "Intake API: " + client : receivedVia,
                receivedAt == null ? Instant.now() : receivedAt, jurisdiction, types, new Requester(name, email, phone, address),
                onBehalf, agentName, agentEmail, details);
        return new Read(form, f.problems);
    }

    private JsonNode field(String name) {
        known.add(name);
        JsonNode v = body.get(name);
        return v == null || v.isNull() ? null : v;
    }

    private String text(String name) {
        JsonNode v = field(name);
        if (v == null) {
            return null;
        }
        if (!v.isString()) {
            problems.add(new Problem(name, name + " must be a string"));
            return null;
        }
        return v.stringValue();
    }

    private <E extends Enum<E>> E choice(String name, Class<E> type) {
        String v = text(name);
        if (v == null) {
            return null;
        }
        try {
            return Enum.valueOf(type, v);
        } catch (IllegalArgumentException e) {
            problems.add(new Problem(name, name + " must be one of " + names(type)));
            return null;
        }
    }

    private Set<RequestType> types() {
        JsonNode v = field("types");
        if (v == null) {
            return null;
        }
        Set<RequestType> types = EnumSet.noneOf(RequestType.class);
        if (!v.isArray()) {
            problems.add(new Problem("types", "types must be an array of " + names(RequestType.class)));
            return null;
        }
        for (JsonNode item : v) {
            try {
                types.add(RequestType.valueOf(item.isString() ? item.stringValue() : ""));
            } catch (IllegalArgumentException e) {
                problems.add(new Problem("types", "types must be an array of " + names(RequestType.class)));
                return null;
            }
        }
        return types;
    }

    private Instant instant(String name) {
        String v = text(name);
        try {
            return v == null ? null : Instant.parse(v);
        } catch (DateTimeParseException e) {
            problems.add(new Problem(name, name + " must be an ISO-8601 instant such as 2026-03-28T10:00:00Z"));
            return null;
        }
    }

    private static String names(Class<? extends Enum<?>> type) {
        return Arrays.stream(type.getEnumConstants()).map(Enum::name).collect(Collectors.joining(", "));
    }
}
