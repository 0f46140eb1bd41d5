package dev.steward.platform.people;

import org.jooq.DSLContext;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;

import static dev.steward.platform.db.generated.Tables.ORG_UNIT;
import static dev.steward.platform.db.generated.Tables.PERSON;

/** The directory as an import compares against it: every person's importable fields, keyed by employee id. */
final class PeopleSnapshot {

    record Existing(String employeeId, String fullName, String email, String title, String orgUnit, String manager,
                    EmploymentStatus status, LocalDate startDate, LocalDate endDate) {
    }

    static final int MAX_LISTED_CHANGES = 5_000;

    private PeopleSnapshot() {
    }

    static Map<String, Existing> load(DSLContext dsl) {
        var manager = PERSON.as("m");
        Map<String, Existing> byId = new HashMap<>();
        try (var cursor = dsl.select(PERSON.EMPLOYEE_ID, PERSON.FULL_NAME, PERSON.EMAIL, PERSON.TITLE, ORG_UNIT.CODE,
                        manager.EMPLOYEE_ID, PERSON.EMPLOYMENT_STATUS, PERSON.START_DATE, PERSON.END_DATE)
                .from(PERSON).leftJoin(ORG_UNIT).on(ORG_UNIT.ID.eq(PERSON.ORG_UNIT_ID))
                .leftJoin(manager).on(manager.ID.eq(PERSON.MANAGER_ID)).fetchSize(5_000).fetchLazy()) {
            cursor.forEach(r -> byId.put(r.value1(), new Existing(r.value1(), r.value2(), r.value3(), r.value4(), r.value5(),
                    r.value6(), r.value7(), r.value8(), r.value9())));
        }
        return byId;
    }

    static Set<String> orgUnitCodes(DSLContext dsl) {
        return new HashSet<>(dsl.select(ORG_UNIT.CODE).from(ORG_UNIT).fetch(ORG_UNIT.CODE));
    }

    /** Existing org units' codes by lower-case name. */
    static Map<String, String> orgUnitNames(DSLContext dsl) {
        Map<String, String> byName = new HashMap<>();
        dsl.select(ORG_UNIT.NAME, ORG_UNIT.CODE).from(ORG_UNIT).orderBy(ORG_UNIT.ID)
                .forEach(r -> byName.putIfAbsent(r.value1().toLowerCase(java.util.Locale.ROOT), r.value2()));
        return byName;
    }

    static ImportPlan.Preview preview(List<ImportRow> rows, Map<String, Existing> existing, Set<String> orgUnits) {
        int added = 0;
        int changed = 0;
        int unchanged = 0;
        List<ImportPlan.Change> changes = new ArrayList<>();
        Set<String> newOrgUnits = new TreeSet<>();
        for (ImportRow row : rows) {
            if (row.orgUnit() != null && !orgUnits.contains(row.orgUnit())) {
                newOrgUnits.add(row.orgUnitName() == null ? row.orgUnit() : row.orgUnitName() + " (" + row.orgUnit() + ")");
            }
            Existing before = existing.get(row.employeeId());
            if (before == null) {
                added++;
                listed(changes, new ImportPlan.Change(row.line(), row.employeeId(), row.fullName(), true, List.of()));
                continue;
            }
            List<String> fields = changedFields(before, row);
            if (fields.isEmpty()) {
                unchanged++;
            } else {
                changed++;
                listed(changes, new ImportPlan.Change(row.line(), row.employeeId(), row.fullName(), false, fields));
            }
        }
        int inFile = (int) rows.stream().filter(r -> existing.containsKey(r.employeeId())).count();
        return new ImportPlan.Preview(added, changed, unchanged, existing.size() - inFile, List.copyOf(newOrgUnits),
                List.copyOf(changes));
    }

    private static void listed(List<ImportPlan.Change> changes, ImportPlan.Change change) {
        if (changes.size() < MAX_LISTED_CHANGES) {
            changes.add(change);
        }
    }

    static List<String> changedFields(Existing before, ImportRow row) {
        List<String> fields = new ArrayList<>();
        compare(fields, PeopleCsvFormat.FULL_NAME, before.fullName(), row.fullName());
        compare(fields, PeopleCsvFormat.EMAIL, before.email(), row.email());
        compare(fields, PeopleCsvFormat.TITLE, before.title(), row.title());
        compare(fields, PeopleCsvFormat.ORG_UNIT, before.orgUnit(), row.orgUnit());
        compare(fields, PeopleCsvFormat.MANAGER, before.manager(), row.managerEmployeeId());
        compare(fields, PeopleCsvFormat.STATUS, before.status(), row.status());
        compare(fields, PeopleCsvFormat.START_DATE, before.startDate(), row.startDate());
        compare(fields, PeopleCsvFormat.END_DATE, before.endDate(), row.endDate());
        return fields;
    }

    private static void compare(List<String> fields, String name, Object before, Object after) {
        if (!Objects.equals(before, after)) {
            fields.add(name);
        }
    }
}
