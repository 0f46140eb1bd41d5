package dev.steward.reviews.campaigns;

/**
 * The SQL that picks an item's reviewer, shared by the launch (stage 1) and the opening of later stages. Over a row
 * {@code r} with the columns {@code candidate} (the reviewer by the stage's rule, or null), {@code subject_user} (the
 * holder's console user, or null), {@code fallback_reviewer} and {@code owner} of the campaign: the candidate unless
 * there is none or it would review their own access, then the fallback unless that is the holder, then the owner.
 */
final class ReviewerRouting {

    /** Console users matched to people of the directory by email. */
    static final String PERSON_USER = """
            person_user as (select p.id person_id, min(u.username) username from platform.person p
                            join platform.app_user u on u.active and lower(u.email) = lower(p.email) group by p.id)""";

    /**
     * The candidate by the stage's rule (a column holding MANAGER, SYSTEM_OWNER or NAMED): the holder's manager's user,
     * the system owner's user or the named reviewer, each given as an SQL expression.
     */
    static String candidate(String rule, String managerUser, String ownerUser, String namedReviewer) {
        return "case " + rule + " when 'MANAGER' then " + managerUser + " when 'SYSTEM_OWNER' then " + ownerUser
                + " else " + namedReviewer + " end";
    }

    static final String REVIEWER = """
            case when r.candidate is not null and r.candidate is distinct from r.subject_user then r.candidate
                 when r.fallback_reviewer is distinct from r.subject_user then r.fallback_reviewer
                 else r.owner end""";

    static final String ROUTED_TO_FALLBACK =
            "case when r.candidate is null then 'no reviewer' when r.candidate = r.subject_user then 'self-review' end";

    private ReviewerRouting() {
    }
}
