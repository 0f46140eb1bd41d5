package dev.steward.vendors.contracts;

import java.time.LocalDate;

/**
 * A contract as entered; {@code id} is null for a new one. An auto-renewing contract renews by {@code renewalMonths}
 * (12 when not given) at each {@code endsOn}; {@code noticeDays} before the end of a term is the last day to give notice.
 */
public record ContractForm(Long id, int version, long vendorId, ContractType type, String title, ContractStatus status,
                           LocalDate signedOn, LocalDate effectiveOn, LocalDate endsOn, boolean autoRenewal, Integer renewalMonths,
                           Integer noticeDays) {
}
