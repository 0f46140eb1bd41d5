package dev.steward.dsr.records;

import dev.steward.dsr.requests.RequestType;

import java.util.List;

/**
 * The figures of one calendar year as the CCPA regulations ask a business above the threshold to publish them
 * (11 CCR 7102(a)): per kind of request, how many were received, complied with in whole or in part, and denied, and
 * the median days to a substantive answer. A request asking for several things counts under each.
 *
 * @param year calendar year of receipt (UTC)
 */
public record YearlyMetrics(int year, List<Row> rows, Row total) {

    /**
     * @param type           null in the total row
     * @param denied         denied on the merits (an exemption, unfounded or excessive)
     * @param unverified     closed because the requester's identity could not be verified (incl. treated as an opt-out)
     * @param medianDays     median calendar days from receipt to closing, of the closed requests; null when none closed
     */
    public record Row(RequestType type, int received, int compliedInWhole, int compliedInPart, int denied, int unverified,
                      int withdrawn, int stillOpen, Double medianDays) {

        public String label() {
            return type == null ? "All requests" : type.label();
        }
    }
}
