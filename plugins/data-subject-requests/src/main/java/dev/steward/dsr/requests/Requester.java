package dev.steward.dsr.requests;

/** Who the request is about, as they gave it; contact fields may be null, at least one of them is not. */
public record Requester(String name, String email, String phone, String address) {

    public static Requester named(String name, String email) {
        return new Requester(name, email, null, null);
    }
}
