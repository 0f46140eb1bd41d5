package dev.steward.vendors.contracts;

import java.time.LocalDate;

public record Certification(long id, long vendorId, CertificationType type, String name, LocalDate validFrom, LocalDate validTo,
                            LocalDate periodStart, LocalDate periodEnd, int version) {

    public String displayName() {
        return type == CertificationType.OTHER ? name : type.label();
    }

    public boolean expiredOn(LocalDate day) {
        return validTo.isBefore(day);
    }

    public CertificationForm toForm() {
        return new CertificationForm(id, version, vendorId, type, name, validFrom, validTo, periodStart, periodEnd);
    }
}
