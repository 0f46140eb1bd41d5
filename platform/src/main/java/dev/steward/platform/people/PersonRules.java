package dev.steward.platform.people;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * The rules a person's fields must follow, shared by the edit form and the CSV import so both say the same thing.
 * Each check returns null when fine, else the message.
 */
public final class PersonRules {

    static final int MAX_EMPLOYEE_ID = 50;
    static final int MAX_NAME = 200;
    private static final Pattern EMPLOYEE_ID = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._/-]*");
    private static final Pattern EMAIL = Pattern.compile("[^@\\s]+@[^@\\s]+\\.[^@\\s]+");

    private PersonRules() {
    }

    public static String employeeId(String value) {
        if (value == null || value.isBlank()) {
            return "Employee id is required";
        }
        if (value.length() > MAX_EMPLOYEE_ID) {
            return "Employee id is longer than " + MAX_EMPLOYEE_ID + " characters";
        }
        return EMPLOYEE_ID.matcher(value).matches() ? null
                : "Employee id '" + value + "' may only use letters, digits and . _ / -";
    }

    public static String fullName(String value) {
        if (value == null || value.isBlank()) {
            return "Name is required";
        }
        return value.length() > MAX_NAME ? "Name is longer than " + MAX_NAME + " characters" : null;
    }

    public static String email(String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        return value.length() <= 254 && EMAIL.matcher(value.trim()).matches() ? null : "'" + value + "' is not an email address";
    }

    public static String dates(EmploymentStatus status, LocalDate start, LocalDate end) {
        if (start != null && end != null && end.isBefore(start)) {
            return "End date " + end + " is before start date " + start;
        }
        if (status == EmploymentStatus.TERMINATED && end == null) {
            return "A terminated person needs an end date";
        }
        return null;
    }

    /** All problems of a form, field by field (field name -> message). */
    public static List<String[]> check(PersonForm form) {
        List<String[]> problems = new ArrayList<>();
        add(problems, "employeeId", employeeId(form.employeeId()));
        add(problems, "fullName", fullName(form.fullName()));
        add(problems, "email", email(form.email()));
        if (form.status() == null) {
            add(problems, "status", "Status is required");
        }
        add(problems, "endDate", dates(form.status(), form.startDate(), form.endDate()));
        if (form.id() != null && form.id().equals(form.managerId())) {
            add(problems, "managerId", "A person cannot be their own manager");
        }
        return problems;
    }

    private static void add(List<String[]> problems, String field, String message) {
        if (message != null) {
            problems.add(new String[]{field, message});
        }
    }
}
