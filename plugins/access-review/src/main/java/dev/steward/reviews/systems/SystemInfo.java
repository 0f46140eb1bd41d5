package dev.steward.reviews.systems;

/**
 * An application whose access is reviewed.
 *
 * @param ownerPersonId the owner, a person of the platform's directory (reviewer under the system-owner rule)
 * @param dormantAfterDays accounts whose last login is older are flagged dormant (when imports carry last logins)
 * @param joinRule how the system's accounts are matched to people
 */
public record SystemInfo(Long id, String code, String name, Long ownerPersonId, Criticality criticality, boolean personalData,
                         Integer dormantAfterDays, JoinRule joinRule, int version) {

    public enum Criticality { LOW, MEDIUM, HIGH, CRITICAL }

    public SystemInfo {
        joinRule = joinRule == null ? JoinRule.EMPLOYEE_ID_THEN_EMAIL : joinRule;
    }

    /** A system matching accounts by employee id, else e-mail. */
    public SystemInfo(Long id, String code, String name, Long ownerPersonId, Criticality criticality, boolean personalData,
                      Integer dormantAfterDays, int version) {
        this(id, code, name, ownerPersonId, criticality, personalData, dormantAfterDays, JoinRule.EMPLOYEE_ID_THEN_EMAIL, version);
    }
}
