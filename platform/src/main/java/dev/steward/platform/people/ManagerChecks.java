package dev.steward.platform.people;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Every manager must exist (in the file or the directory), and no management chain may loop once imported. */
final class ManagerChecks {

    private ManagerChecks() {
    }

    static List<RowError> check(List<ImportRow> rows, Map<String, PeopleSnapshot.Existing> existing) {
        return check(rows, existing, PeopleCsvFormat.MANAGER);
    }

    /** As {@link #check(List, Map)}, the errors naming the file's manager column. */
    static List<RowError> check(List<ImportRow> rows, Map<String, PeopleSnapshot.Existing> existing, String column) {
        List<RowError> errors = new ArrayList<>();
        Map<String, String> managerOf = new HashMap<>();
        existing.values().forEach(e -> {
            if (e.manager() != null) {
                managerOf.put(e.employeeId(), e.manager());
            }
        });
        Set<String> inFile = new HashSet<>();
        rows.forEach(row -> inFile.add(row.employeeId()));
        for (ImportRow row : rows) {
            managerOf.remove(row.employeeId());
            if (row.managerEmployeeId() == null) {
                continue;
            }
            if (!existing.containsKey(row.managerEmployeeId()) && !inFile.contains(row.managerEmployeeId())) {
                errors.add(new RowError(row.line(), column, "Unknown manager '" + row.managerEmployeeId()
                        + "': not in the file and not in the directory"));
            } else {
                managerOf.put(row.employeeId(), row.managerEmployeeId());
            }
        }
        Set<String> reported = new HashSet<>();
        for (ImportRow row : rows) {
            List<String> loop = loopFrom(row.employeeId(), managerOf);
            if (!loop.isEmpty() && reported.add(String.join(",", new java.util.TreeSet<>(loop)))) {
                errors.add(new RowError(row.line(), column,
                        "Management chain loops: " + String.join(" → ", loop) + " → " + loop.getFirst()));
            }
        }
        return errors;
    }

    /** The loop the chain above {@code start} runs into, starting at {@code start}; empty when there is none. */
    private static List<String> loopFrom(String start, Map<String, String> managerOf) {
        Set<String> path = new LinkedHashSet<>();
        String current = start;
        while (current != null && path.add(current)) {
            current = managerOf.get(current);
        }
        if (current == null || !current.equals(start)) {
            return List.of();
        }
        return List.copyOf(path);
    }
}
