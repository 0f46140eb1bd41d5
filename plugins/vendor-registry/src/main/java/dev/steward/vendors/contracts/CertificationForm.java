package dev.steward.vendors.contracts;

import java.time.LocalDate;

/**
 * A certificate or assurance report; {@code name} names an OTHER one (e.g. "ISO/IEC 27701"); a SOC 2 Type II report
 * needs the period it covers.
 */
public record CertificationForm(Long id, int version, long vendorId, CertificationType type, String name, LocalDate validFrom,
                                LocalDate validTo, LocalDate periodStart, LocalDate periodEnd) {
}
