package dev.steward.platform.people;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * Which column of an HR export holds which of Steward's fields (null: the file has none). Some fields are derived:
 * the full name from first (or preferred) and last name when there is no full-name column or it is empty, the org unit
 * from a department name when there is no org-unit code, the manager from their email when there is no manager
 * employee id; the status from the preset's word table ({@link HrPreset#statusWords()}), or from the end date when
 * the file has no status. {@link #guess} proposes a preset and a mapping from a header; the user corrects it.
 */
public record PeopleColumnMapping(HrPreset preset, String employeeId, String fullName, String firstName, String lastName,
                                  String preferredName, String email, String title, String orgUnit, String department,
                                  String managerEmployeeId, String managerEmail, String status, String startDate,
                                  String endDate, HrDateFormat dateFormat) {

    /** Steward's fields as a mapping names them, with what else a header may call them. */
    public enum Field {
        EMPLOYEE_ID("Employee id", "employeeid", "employeenumber", "employee#", "id", "workerid", "personnelnumber", "eid"),
        FULL_NAME("Full name", "fullname", "name", "displayname", "employeename"),
        FIRST_NAME("First name", "firstname", "givenname", "legalfirstname", "legalnamefirstname"),
        LAST_NAME("Last name", "lastname", "surname", "familyname", "legallastname", "legalnamelastname"),
        PREFERRED_NAME("Preferred first name", "preferredname", "preferredfirstname", "preferrednamefirstname", "nickname"),
        EMAIL("Email", "email", "workemail", "emailprimarywork", "emailaddress", "businessemail"),
        TITLE("Job title", "title", "jobtitle", "businesstitle", "position"),
        ORG_UNIT("Org unit code", "orgunit", "orgunitcode", "departmentcode", "departmentid"),
        DEPARTMENT("Department (name)", "department", "departmentname", "supervisoryorganization"),
        MANAGER_ID("Manager's employee id", "manageremployeeid", "managerid", "supervisoreid", "supervisorid", "reportstoid"),
        MANAGER_EMAIL("Manager's email", "manageremail", "reportstoemail", "supervisoremail", "managerworkemail"),
        STATUS("Status", "status", "workerstatus", "employmentstatus", "lifecyclestatus", "employeestatus"),
        START_DATE("Start date", "startdate", "hiredate", "originalhiredate", "dateofhire"),
        END_DATE("End date", "enddate", "terminationdate", "dateoftermination");

        private final String label;
        private final List<String> synonyms;

        Field(String label, String... synonyms) {
            this.label = label;
            this.synonyms = List.of(synonyms);
        }

        public String label() {
            return label;
        }
    }

    public PeopleColumnMapping {
        Objects.requireNonNull(preset, "preset");
        dateFormat = dateFormat == null ? preset.dateFormat() : dateFormat;
    }

    public static PeopleColumnMapping of(HrPreset preset, Map<Field, String> columns, HrDateFormat dateFormat) {
        return new PeopleColumnMapping(preset, columns.get(Field.EMPLOYEE_ID), columns.get(Field.FULL_NAME),
                columns.get(Field.FIRST_NAME), columns.get(Field.LAST_NAME), columns.get(Field.PREFERRED_NAME),
                columns.get(Field.EMAIL), columns.get(Field.TITLE), columns.get(Field.ORG_UNIT), columns.get(Field.DEPARTMENT),
                columns.get(Field.MANAGER_ID), columns.get(Field.MANAGER_EMAIL), columns.get(Field.STATUS),
                columns.get(Field.START_DATE), columns.get(Field.END_DATE), dateFormat);
    }

    /** The column mapped to the field, or null. */
    public String column(Field field) {
        return switch (field) {
            case EMPLOYEE_ID -> employeeId;
            case FULL_NAME -> fullName;
            case FIRST_NAME -> firstName;
            case LAST_NAME -> lastName;
            case PREFERRED_NAME -> preferredName;
            case EMAIL -> email;
            case TITLE -> title;
            case ORG_UNIT -> orgUnit;
            case DEPARTMENT -> department;
            case MANAGER_ID -> managerEmployeeId;
            case MANAGER_EMAIL -> managerEmail;
            case STATUS -> status;
            case START_DATE -> startDate;
            case END_DATE -> endDate;
        };
    }

    /** Every mapped field with its column, in the order of {@link Field}. */
    public Map<Field, String> columns() {
        Map<Field, String> columns = new EnumMap<>(Field.class);
        for (Field field : Field.values()) {
            if (column(field) != null) {
                columns.put(field, column(field));
            }
        }
        return columns;
    }

    /** The preset whose columns the header has most of (Steward's own format on a tie), and the mapping guessed for it. */
    public static PeopleColumnMapping guess(List<String> header) {
        Set<String> names = new HashSet<>();
        header.forEach(h -> names.add(normalise(h)));
        HrPreset best = java.util.Arrays.stream(HrPreset.values())
                .max(Comparator.comparingLong((HrPreset p) -> p.columns().values().stream().filter(c -> names.contains(normalise(c))).count())
                        .thenComparing(p -> -p.ordinal()))
                .orElse(HrPreset.GENERIC);
        return guess(best, header);
    }

    /**
     * The mapping for a preset: each field takes the preset's column when the header has it (as the header spells it),
     * else the first column the header has under another usual name; no column is used twice.
     */
    public static PeopleColumnMapping guess(HrPreset preset, List<String> header) {
        Map<String, String> byName = new LinkedHashMap<>();
        header.forEach(h -> byName.putIfAbsent(normalise(h), h));
        Map<Field, String> found = new EnumMap<>(Field.class);
        Set<String> used = new HashSet<>();
        for (Field field : Field.values()) {
            String own = preset.column(field);
            if (own != null && byName.containsKey(normalise(own))) {
                found.put(field, byName.get(normalise(own)));
                used.add(normalise(own));
            }
        }
        for (Field field : Field.values()) {
            if (found.containsKey(field)) {
                continue;
            }
            for (String synonym : field.synonyms) {
                if (byName.containsKey(synonym) && used.add(synonym)) {
                    found.put(field, byName.get(synonym));
                    break;
                }
            }
        }
        // a file with an org-unit code needs no department, and one with manager ids no manager emails
        if (found.containsKey(Field.ORG_UNIT)) {
            found.remove(Field.DEPARTMENT);
        }
        if (found.containsKey(Field.MANAGER_ID)) {
            found.remove(Field.MANAGER_EMAIL);
        }
        return of(preset, found, preset.dateFormat());
    }

    /** What keeps this mapping from reading a file with this header: unmapped required fields, mapped columns it lacks. */
    List<RowError> problems(List<String> header) {
        List<RowError> problems = new ArrayList<>();
        if (employeeId == null) {
            problems.add(new RowError(1, null, "Choose the column that holds the employee id"));
        }
        if (fullName == null && (lastName == null || (firstName == null && preferredName == null))) {
            problems.add(new RowError(1, null, "Choose the column with the full name, or the columns with the first and last name"));
        }
        Set<String> present = new HashSet<>();
        header.forEach(h -> present.add(h.strip()));
        columns().forEach((field, column) -> {
            if (!present.contains(column.strip())) {
                problems.add(new RowError(1, column, "Column '" + column + "' is missing from the file; the mapping reads the "
                        + field.label().toLowerCase(Locale.ROOT) + " from it"));
            }
        });
        return problems;
    }

    /** The mapped column that holds the manager reference: the employee id column, else the email column. */
    String managerColumn() {
        return managerEmployeeId != null ? managerEmployeeId : managerEmail;
    }

    static String normalise(String column) {
        return column.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9#]", "");
    }
}
