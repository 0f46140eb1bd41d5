package dev.steward.reviews.systems;

/**
 * An application whose access is reviewed.
 *
 * @param ownerPersonId the owner, a person of the platform's directory (reviewer under the system-owner rule)
 * @param dormantAfterDays accounts whose last login is older are flagged dormant (when imports carry last logins)
 */
public record SystemInfo(Long id, String code, String name, Long ownerPersonId, Criticality criticality, boolean personalData,
                         Integer dormantAfterDays, int version) {

    public enum Criticality { LOW, MEDIUM, HIGH, CRITICAL }
}
