package dev.steward.platform.people;

import java.time.LocalDate;

/**
 * One valid line of a people file, trimmed; empty optional values are null. {@code orgUnitName} names a new org unit
 * derived from a department (null: the code is its name); {@code managerEmail} is the manager's email when the file
 * gives no manager employee id, resolved to {@code managerEmployeeId} before the database checks.
 */
public record ImportRow(int line, String employeeId, String fullName, String email, String title, String orgUnit,
                        String managerEmployeeId, EmploymentStatus status, LocalDate startDate, LocalDate endDate,
                        String orgUnitName, String managerEmail) {

    public ImportRow(int line, String employeeId, String fullName, String email, String title, String orgUnit,
                     String managerEmployeeId, EmploymentStatus status, LocalDate startDate, LocalDate endDate) {
        this(line, employeeId, fullName, email, title, orgUnit, managerEmployeeId, status, startDate, endDate, null, null);
    }

    ImportRow withOrgUnit(String code) {
        return new ImportRow(line, employeeId, fullName, email, title, code, managerEmployeeId, status, startDate, endDate,
                orgUnitName, managerEmail);
    }

    ImportRow withManager(String managerId) {
        return new ImportRow(line, employeeId, fullName, email, title, orgUnit, managerId, status, startDate, endDate,
                orgUnitName, managerEmail);
    }
}
