package dev.steward.vendors.registry;

import java.time.LocalDate;

/** One line of the vendor grid with the flags a privacy officer scans for. */
public record VendorRow(long id, String legalName, String tradingName, VendorStatus status, Criticality criticality, Integer tier,
                        String ownerName, String hqCountry, LocalDate nextReviewOn, boolean dpaGap, boolean transferGap,
                        boolean specialCategory, int openTasks) {

    public boolean reviewOverdue(LocalDate today) {
        return nextReviewOn != null && nextReviewOn.isBefore(today);
    }
}
