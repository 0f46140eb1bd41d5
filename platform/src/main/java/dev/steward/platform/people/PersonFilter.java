package dev.steward.platform.people;

/** Every part optional: words matched in name, employee id and email; a status; an org unit. */
public record PersonFilter(String text, EmploymentStatus status, Long orgUnitId) {

    public static PersonFilter none() {
        return new PersonFilter(null, null, null);
    }
}
