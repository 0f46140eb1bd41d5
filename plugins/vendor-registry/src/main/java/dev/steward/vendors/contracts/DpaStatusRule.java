package dev.steward.vendors.contracts;

import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;

/**
 * Derives "DPA in place" from what the vendor does and its DPA contracts. A DPA is required when any processing has
 * the vendor as our processor or sub-processor (GDPR Art. 28(3)); controllers need none (joint controllers need an
 * Art. 26 arrangement instead, which is not a DPA). When required, the best DPA decides: in force, then signed but
 * not yet effective, then ended, then draft.
 */
public final class DpaStatusRule {

    public static final int EXPIRY_WARNING_DAYS = 60;

    private DpaStatusRule() {
    }

    /** @param dpaTerms the terms of the vendor's DPA contracts as of {@code today} */
    public static DpaState derive(boolean required, List<ContractTerms.Term> dpaTerms, LocalDate today) {
        return derive(required, false, dpaTerms, today);
    }

    /** @param jointControl some processing has the vendor as joint controller (which needs an Art. 26 arrangement instead) */
    public static DpaState derive(boolean required, boolean jointControl, List<ContractTerms.Term> dpaTerms, LocalDate today) {
        if (!required) {
            return new DpaState(DpaStatus.NOT_REQUIRED, jointControl
                    ? "No processing as our processor or sub-processor; as joint controllers we need an Art. 26 arrangement instead"
                    : "No processing as our processor or sub-processor", null);
        }
        var inForce = dpaTerms.stream().filter(t -> t.standing() == ContractTerms.Standing.IN_FORCE).toList();
        if (!inForce.isEmpty()) {
            if (inForce.stream().anyMatch(t -> t.currentEnd() == null)) {
                return new DpaState(DpaStatus.IN_PLACE, "Signed DPA in force, open-ended", null);
            }
            ContractTerms.Term last = inForce.stream().max(Comparator.comparing(ContractTerms.Term::currentEnd)
                    .thenComparing(ContractTerms.Term::renews)).orElseThrow();
            if (last.renews()) {
                return new DpaState(DpaStatus.IN_PLACE, "Signed DPA in force, renews itself on " + last.currentEnd(), last.currentEnd());
            }
            boolean expiring = last.currentEnd().isBefore(today.plusDays(EXPIRY_WARNING_DAYS + 1L));
            return new DpaState(expiring ? DpaStatus.EXPIRING : DpaStatus.IN_PLACE, "Signed DPA in force until " + last.currentEnd(),
                    last.currentEnd());
        }
        if (has(dpaTerms, ContractTerms.Standing.NOT_YET_EFFECTIVE)) {
            return new DpaState(DpaStatus.SIGNED_NOT_EFFECTIVE, "The signed DPA is not effective yet", null);
        }
        if (has(dpaTerms, ContractTerms.Standing.ENDED) || has(dpaTerms, ContractTerms.Standing.TERMINATED)) {
            LocalDate ended = dpaTerms.stream().map(ContractTerms.Term::currentEnd).filter(Objects::nonNull).max(Comparator.naturalOrder()).orElse(null);
            return new DpaState(DpaStatus.EXPIRED, ended == null ? "The DPA was terminated" : "The DPA ended on " + ended, null);
        }
        if (has(dpaTerms, ContractTerms.Standing.DRAFT)) {
            return new DpaState(DpaStatus.DRAFT, "A DPA is being drafted; none is signed", null);
        }
        return new DpaState(DpaStatus.MISSING, "The vendor processes personal data for us and no DPA is recorded", null);
    }

    private static boolean has(List<ContractTerms.Term> terms, ContractTerms.Standing standing) {
        return terms.stream().anyMatch(t -> t.standing() == standing);
    }
}
