package dev.steward.benchmarks;

import java.io.IOException;
import java.io.Writer;
import java.time.LocalDate;
import java.util.Random;

/**
 * Synthetic people in the import format: {@code people} across {@code orgUnits} departments, a management tree
 * (each person's manager comes earlier in the file, about eight reports per manager), realistic status mix.
 * The same seed always gives the same file.
 */
public final class PeopleGenerator {

    private static final String[] FIRST = {"Ada", "Bo", "Chloé", "Dmitri", "Elena", "Farid", "Greta", "Hiro", "Inès",
            "Jonas", "Kofi", "Lena", "Marta", "Nils", "Olga", "Pavel", "Quinn", "Rosa", "Sven", "Tara", "Uma", "Viktor"};
    private static final String[] LAST = {"Schmidt", "Okafor", "Tanaka", "García", "Nowak", "Dubois", "Rossi", "Jensen",
            "Kowalski", "Moreau", "Silva", "Novak", "Haddad", "Lindqvist", "Murphy", "Weber", "Øster", "Nakamura"};
    private static final String[] TITLES = {"Engineer", "Analyst", "Manager", "Director", "Consultant", "Specialist",
            "Coordinator", "Administrator", "Designer", "Accountant"};

    private PeopleGenerator() {
    }

    public static void write(Writer out, int people, int orgUnits, long seed) throws IOException {
        Random random = new Random(seed);
        out.write("employee_id,full_name,email,title,org_unit,manager_employee_id,status,start_date,end_date\n");
        LocalDate epoch = LocalDate.of(2005, 1, 1);
        for (int i = 1; i <= people; i++) {
            String first = FIRST[random.nextInt(FIRST.length)];
            String last = LAST[random.nextInt(LAST.length)];
            String manager = i == 1 ? "" : employeeId(Math.max(1, i / 8));
            int roll = random.nextInt(100);
            String status = roll < 90 ? "active" : roll < 95 ? "leave" : "terminated";
            LocalDate start = epoch.plusDays(random.nextInt(7000));
            String end = status.equals("terminated") ? start.plusDays(30 + random.nextInt(2000)).toString() : "";
            out.write(employeeId(i) + ',' + first + ' ' + last + ',' + first.toLowerCase() + '.' + i + "@example.org,"
                    + TITLES[random.nextInt(TITLES.length)] + ",OU-" + (1 + random.nextInt(orgUnits)) + ',' + manager + ','
                    + status + ',' + start + ',' + end + '\n');
        }
    }

    static String employeeId(int i) {
        return "E" + String.format("%07d", i);
    }
}
