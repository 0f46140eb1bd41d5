package dev.steward.reviews.systems;

/**
 * How a system's accounts are matched to people of the directory at launch. An account that matches nobody is an
 * orphan; a key shared by several people (an e-mail address, a mailbox name) matches nobody rather than a guess.
 */
public enum JoinRule {
    /** The account's employee id; for accounts without one, its e-mail address. */
    EMPLOYEE_ID_THEN_EMAIL("Employee id, else e-mail"),
    EMPLOYEE_ID("Employee id only"),
    EMAIL("E-mail address only"),
    /** The account name is the person's employee id (e.g. personnel numbers as logins), in any case. */
    ACCOUNT_IS_EMPLOYEE_ID("Account name = employee id"),
    /** The account name is the part of the person's e-mail address before the @ (jdoe for jdoe@example.org), in any case. */
    ACCOUNT_IS_EMAIL_LOCAL_PART("Account name = e-mail name before the @");

    private final String label;

    JoinRule(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
