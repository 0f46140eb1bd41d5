package dev.steward.platform.people;

import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * References an HR export gives by name instead of by code, resolved against the file and the directory: a department
 * that names an existing org unit joins it (whatever its code), and a manager given by email becomes their employee id.
 */
final class DerivedReferences {

    private DerivedReferences() {
    }

    /** {@code codeByName}: existing org units' codes by lower-case name. */
    static List<ImportRow> orgUnitsByName(List<ImportRow> rows, Map<String, String> codeByName) {
        return rows.stream().map(row -> {
            if (row.orgUnitName() == null) {
                return row;
            }
            String code = codeByName.get(row.orgUnitName().toLowerCase(Locale.ROOT));
            return code == null ? row : row.withOrgUnit(code);
        }).toList();
    }

    /** Emails are looked up in the file first (it is the newer truth), then in the directory; an unknown one is an error. */
    static List<ImportRow> managersByEmail(List<ImportRow> rows, Map<String, PeopleSnapshot.Existing> existing, String column,
                                           List<RowError> errors) {
        if (rows.stream().noneMatch(r -> r.managerEmail() != null)) {
            return rows;
        }
        Map<String, String> idByEmail = new HashMap<>();
        existing.values().forEach(e -> {
            if (e.email() != null) {
                idByEmail.put(e.email().toLowerCase(Locale.ROOT), e.employeeId());
            }
        });
        rows.forEach(r -> {
            if (r.email() != null) {
                idByEmail.put(r.email().toLowerCase(Locale.ROOT), r.employeeId());
            }
        });
        return rows.stream().map(row -> {
            if (row.managerEmployeeId() != null || row.managerEmail() == null) {
                return row;
            }
            String id = idByEmail.get(row.managerEmail().toLowerCase(Locale.ROOT));
            if (id == null) {
                errors.add(new RowError(row.line(), column, "Unknown manager email '" + row.managerEmail()
                        + "': no one in the file or the directory has it"));
                return row;
            }
            if (id.equals(row.employeeId())) {
                errors.add(new RowError(row.line(), column, "A person cannot be their own manager"));
                return row;
            }
            return row.withManager(id);
        }).toList();
    }
}
