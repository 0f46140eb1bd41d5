package dev.steward.dsr.requests;

/**
 * What the request queue shows: open or all, one type, overdue only, one regime, and free text over the reference
 * and the requester's name and email.
 */
public record RequestFilter(boolean openOnly, RequestStatus status, RequestType type, Regime regime, boolean overdueOnly, String text) {

    public static final RequestFilter OPEN = new RequestFilter(true, null, null, null, false, null);
    public static final RequestFilter ALL = new RequestFilter(false, null, null, null, false, null);

    public RequestFilter withText(String text) {
        return new RequestFilter(openOnly, status, type, regime, overdueOnly, text);
    }

    public RequestFilter withType(RequestType type) {
        return new RequestFilter(openOnly, status, type, regime, overdueOnly, text);
    }

    public RequestFilter withStatus(RequestStatus status) {
        return new RequestFilter(openOnly, status, type, regime, overdueOnly, text);
    }

    public RequestFilter overdue() {
        return new RequestFilter(true, status, type, regime, true, text);
    }
}
