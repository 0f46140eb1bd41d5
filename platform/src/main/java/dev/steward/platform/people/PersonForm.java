package dev.steward.platform.people;

import java.time.LocalDate;

/** What a user edits; {@code id} null for a new person. {@code version} is the one the user saw (optimistic lock). */
public record PersonForm(Long id, int version, String employeeId, String fullName, String email, String title,
                         Long orgUnitId, Long managerId, EmploymentStatus status, LocalDate startDate, LocalDate endDate) {

    public static PersonForm of(Person p) {
        return new PersonForm(p.id(), p.version(), p.employeeId(), p.fullName(), p.email(), p.title(), p.orgUnitId(),
                p.managerId(), p.status(), p.startDate(), p.endDate());
    }

    public static PersonForm empty() {
        return new PersonForm(null, 0, "", "", "", "", null, null, EmploymentStatus.ACTIVE, null, null);
    }
}
