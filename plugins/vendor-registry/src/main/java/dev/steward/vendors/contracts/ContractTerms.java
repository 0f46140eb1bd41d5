package dev.steward.vendors.contracts;

import java.time.LocalDate;

/**
 * Dates of a contract as of a day: the end of its current term (an auto-renewing contract whose end has passed has
 * renewed, term by term), the last day to give notice, and whether it is in force.
 */
public final class ContractTerms {

    public enum Standing { DRAFT, NOT_YET_EFFECTIVE, IN_FORCE, ENDED, TERMINATED }

    /**
     * @param currentEnd  the end of the current term, or null for an open-ended contract
     * @param noticeBy    the last day to give notice before {@code currentEnd}, or null
     * @param renews      whether the contract renews itself at {@code currentEnd}
     */
    public record Term(Standing standing, LocalDate currentEnd, LocalDate noticeBy, boolean renews) {
    }

    private ContractTerms() {
    }

    public static Term of(ContractStatus status, LocalDate effectiveOn, LocalDate endsOn, boolean autoRenewal, Integer renewalMonths,
                          Integer noticeDays, LocalDate today) {
        LocalDate end = currentEnd(endsOn, autoRenewal, renewalMonths, today);
        LocalDate noticeBy = end == null || noticeDays == null ? null : end.minusDays(noticeDays);
        Standing standing = switch (status) {
            case DRAFT -> Standing.DRAFT;
            case TERMINATED -> Standing.TERMINATED;
            case SIGNED -> effectiveOn != null && effectiveOn.isAfter(today) ? Standing.NOT_YET_EFFECTIVE
                    : end != null && end.isBefore(today) ? Standing.ENDED : Standing.IN_FORCE;
        };
        return new Term(standing, end, noticeBy, autoRenewal && end != null);
    }

    static LocalDate currentEnd(LocalDate endsOn, boolean autoRenewal, Integer renewalMonths, LocalDate today) {
        if (endsOn == null || !autoRenewal || !endsOn.isBefore(today)) {
            return endsOn;
        }
        int months = renewalMonths == null || renewalMonths < 1 ? 12 : renewalMonths;
        long terms = java.time.temporal.ChronoUnit.MONTHS.between(endsOn, today) / months;
        LocalDate end = endsOn.plusMonths(terms * months);
        while (end.isBefore(today)) {
            end = end.plusMonths(months);
        }
        return end;
    }
}
