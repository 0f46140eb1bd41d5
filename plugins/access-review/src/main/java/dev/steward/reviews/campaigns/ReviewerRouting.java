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

    /** The candidate by rule, over {@code st} (the stage), {@code mu} (manager's user), {@code ou} (system owner's user). */
    static final String CANDIDATE = """
            case st.reviewer_rule when 'MANAGER' then mu.username when 'SYSTEM_OWNER' then ou.username
                else st.named_reviewer end""";

    static final String REVIEWER = """
            case when r.candidate is not null and r.candidate is distinct from r.subject_user then r.candidate
                 when r.fallback_reviewer is distinct from r.subject_user then r.fallback_reviewer
                 else r.owner end""";

    static final String ROUTED_TO_FALLBACK =
            "case when r.candidate is null then 'no reviewer' when r.candidate = r.subject_user then 'self-review' end";

    private ReviewerRouting() {
    }
}
