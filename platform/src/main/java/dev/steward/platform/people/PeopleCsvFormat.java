package dev.steward.platform.people;

import java.util.List;

/** The people CSV: one header line with these columns (any order), UTF-8, comma-separated, RFC 4180 quoting. */
public final class PeopleCsvFormat {

    public static final String EMPLOYEE_ID = "employee_id";
    public static final String FULL_NAME = "full_name";
    public static final String EMAIL = "email";
    public static final String TITLE = "title";
    public static final String ORG_UNIT = "org_unit";
    public static final String MANAGER = "manager_employee_id";
    public static final String STATUS = "status";
    public static final String START_DATE = "start_date";
    public static final String END_DATE = "end_date";

    public static final List<String> COLUMNS = List.of(EMPLOYEE_ID, FULL_NAME, EMAIL, TITLE, ORG_UNIT, MANAGER, STATUS,
            START_DATE, END_DATE);

    private PeopleCsvFormat() {
    }
}
