package dev.steward.platform.people;

import java.time.LocalDate;

/** A person as the directory shows them, with their org unit and manager resolved. */
public record Person(long id, String employeeId, String fullName, String email, String title, Long orgUnitId,
                     String orgUnitCode, String orgUnitName, Long managerId, String managerEmployeeId,
                     String managerName, EmploymentStatus status, LocalDate startDate, LocalDate endDate, int version) {
}
