package dev.steward.vendors.contracts;

import java.time.LocalDate;

/** A stored contract with its current term as of today. */
public record Contract(long id, long vendorId, ContractType type, String title, ContractStatus status, LocalDate signedOn,
                       LocalDate effectiveOn, LocalDate endsOn, boolean autoRenewal, Integer renewalMonths, Integer noticeDays,
                       ContractTerms.Term term, int version) {

    public ContractForm toForm() {
        return new ContractForm(id, version, vendorId, type, title, status, signedOn, effectiveOn, endsOn, autoRenewal, renewalMonths, noticeDays);
    }
}
