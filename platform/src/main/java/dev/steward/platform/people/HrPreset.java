package dev.steward.platform.people;

import dev.steward.platform.people.PeopleColumnMapping.Field;

import java.util.Collections;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import static dev.steward.platform.people.EmploymentStatus.ACTIVE;
import static dev.steward.platform.people.EmploymentStatus.LEAVE;
import static dev.steward.platform.people.EmploymentStatus.TERMINATED;
import static dev.steward.platform.people.PeopleColumnMapping.Field.*;

/**
 * The exports of common HR systems: the columns each one names its fields with, how it writes dates and which words
 * it uses for an employment status. Column names are those of the systems' standard fields (their report labels);
 * a company's own report may differ, which is why the user can change every mapping.
 */
public enum HrPreset {

    GENERIC("Steward CSV (generic)", HrDateFormat.ISO, columns(
            EMPLOYEE_ID, "employee_id", FULL_NAME, "full_name", EMAIL, "email", TITLE, "title", ORG_UNIT, "org_unit",
            MANAGER_ID, "manager_employee_id", STATUS, "status", START_DATE, "start_date", END_DATE, "end_date"),
            words()),

    /** A Workday custom report on the All Active and Terminated Workers data source. */
    WORKDAY("Workday worker report", HrDateFormat.US, columns(
            EMPLOYEE_ID, "Employee ID", FIRST_NAME, "Legal Name - First Name", LAST_NAME, "Legal Name - Last Name",
            PREFERRED_NAME, "Preferred Name - First Name", EMAIL, "Email - Primary Work", TITLE, "Business Title",
            DEPARTMENT, "Supervisory Organization", MANAGER_ID, "Manager - Employee ID", STATUS, "Worker Status",
            START_DATE, "Hire Date", END_DATE, "Termination Date"),
            words("Leave of Absence", LEAVE, "Active - On Leave", LEAVE)),

    /** A BambooHR custom report, exported as CSV: the columns are the fields' labels. */
    BAMBOOHR("BambooHR employee report", HrDateFormat.US, columns(
            EMPLOYEE_ID, "Employee #", FIRST_NAME, "First Name", LAST_NAME, "Last Name", PREFERRED_NAME, "Preferred Name",
            EMAIL, "Work Email", TITLE, "Job Title", DEPARTMENT, "Department", MANAGER_ID, "Supervisor EID",
            STATUS, "Employment Status", START_DATE, "Hire Date", END_DATE, "Termination Date"),
            words("Full-Time", ACTIVE, "Part-Time", ACTIVE, "Contractor", ACTIVE, "Intern", ACTIVE, "Temporary", ACTIVE,
                    "Leave of Absence", LEAVE)),

    /** A HiBob (bob) people report, downloaded as CSV. */
    HIBOB("HiBob people report", HrDateFormat.DAY_MONTH_SLASHES, columns(
            EMPLOYEE_ID, "Employee ID", FULL_NAME, "Display name", FIRST_NAME, "First name", LAST_NAME, "Last name",
            EMAIL, "Email", TITLE, "Job title", DEPARTMENT, "Department", MANAGER_EMAIL, "Reports to email",
            STATUS, "Lifecycle status", START_DATE, "Start date", END_DATE, "Termination date"),
            words("Hired", ACTIVE, "Garden leave", LEAVE, "Parental leave", LEAVE)),

    /** A Personio employee export (Reports > Exports, or a custom report), in a German-locale account. */
    PERSONIO("Personio employee export", HrDateFormat.DAY_MONTH_DOTS, columns(
            EMPLOYEE_ID, "ID", FIRST_NAME, "First name", LAST_NAME, "Last name", PREFERRED_NAME, "Preferred name",
            EMAIL, "Email", TITLE, "Position", DEPARTMENT, "Department", MANAGER_ID, "Supervisor ID", STATUS, "Status",
            START_DATE, "Hire date", END_DATE, "Termination date"),
            words("Onboarding", ACTIVE));

    private final String label;
    private final HrDateFormat dateFormat;
    private final Map<Field, String> columns;
    private final Map<String, EmploymentStatus> statusWords;

    HrPreset(String label, HrDateFormat dateFormat, Map<Field, String> columns, Map<String, EmploymentStatus> statusWords) {
        this.label = label;
        this.dateFormat = dateFormat;
        this.columns = Collections.unmodifiableMap(columns);
        this.statusWords = Collections.unmodifiableMap(statusWords);
    }

    public String label() {
        return label;
    }

    public HrDateFormat dateFormat() {
        return dateFormat;
    }

    /** The column this system names the field with, or null when its export has none. */
    public String column(Field field) {
        return columns.get(field);
    }

    Map<Field, String> columns() {
        return columns;
    }

    /** The status words this preset knows, as the user sees them, with what each becomes in Steward. */
    public Map<String, EmploymentStatus> statusWords() {
        return statusWords;
    }

    /** The status a word stands for: case, spaces, hyphens and underscores do not matter. */
    public Optional<EmploymentStatus> status(String word) {
        String key = wordKey(word);
        return statusWords.entrySet().stream().filter(e -> wordKey(e.getKey()).equals(key)).map(Map.Entry::getValue).findFirst();
    }

    private static String wordKey(String word) {
        return word.toLowerCase(Locale.ROOT).replaceAll("[\\s_-]+", " ").trim();
    }

    private static Map<Field, String> columns(Object... pairs) {
        Map<Field, String> map = new EnumMap<>(Field.class);
        for (int i = 0; i < pairs.length; i += 2) {
            map.put((Field) pairs[i], (String) pairs[i + 1]);
        }
        return map;
    }

    /** The words every HR system uses, then the preset's own. */
    private static Map<String, EmploymentStatus> words(Object... extra) {
        Map<String, EmploymentStatus> words = new LinkedHashMap<>();
        words.put("Active", ACTIVE);
        words.put("Employed", ACTIVE);
        words.put("On Leave", LEAVE);
        words.put("Leave", LEAVE);
        words.put("Terminated", TERMINATED);
        words.put("Inactive", TERMINATED);
        words.put("Withdrawn", TERMINATED);
        words.put("Former", TERMINATED);
        for (int i = 0; i < extra.length; i += 2) {
            words.put((String) extra[i], (EmploymentStatus) extra[i + 1]);
        }
        return words;
    }
}
