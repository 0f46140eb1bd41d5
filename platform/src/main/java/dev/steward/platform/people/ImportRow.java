package dev.steward.platform.people;

import java.time.LocalDate;

/** One valid line of a people file, trimmed; empty optional values are null. */
public record ImportRow(int line, String employeeId, String fullName, String email, String title, String orgUnit,
                        String managerEmployeeId, EmploymentStatus status, LocalDate startDate, LocalDate endDate) {
}
