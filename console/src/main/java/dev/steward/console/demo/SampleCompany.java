package dev.steward.console.demo;

import dev.steward.platform.people.EmploymentStatus;
import dev.steward.platform.people.PeopleDirectory;
import dev.steward.platform.people.PersonForm;
import dev.steward.platform.security.Role;
import dev.steward.platform.security.UserAccountService;
import dev.steward.platform.spi.SampleContext;
import dev.steward.platform.spi.SampleContext.SamplePerson;
import org.springframework.stereotype.Component;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The made-up company of a demo install, Fernhill Ltd: org units, about thirty people with managers (one terminated,
 * one on leave) and five users with known passwords, one per persona, each matched to their person by email. Made
 * through the people directory and the user accounts service, like an administrator's records.
 */
@Component
public class SampleCompany {

    public static final String NAME = "Fernhill Ltd";
    public static final String DOMAIN = "fernhill.example";
    /** Every sample user's password: shown in the log and on the sign-in page of a sample install only. */
    public static final String PASSWORD = "Fernhill-demo-2026";

    /** A sample user: who they are and what they do. */
    public record SampleUser(String username, Role role, String employeeId) {
    }

    public static final List<SampleUser> USERS = List.of(
            new SampleUser("priya", Role.PRIVACY_OFFICER, "E1001"),
            new SampleUser("sam", Role.SECURITY_ANALYST, "E1003"),
            new SampleUser("maria", Role.MANAGER, "E1010"),
            new SampleUser("tom", Role.MANAGER, "E1030"),
            new SampleUser("ada", Role.AUDITOR, "E1040"));

    private record Unit(String code, String name) {
    }

    private record Someone(String employeeId, String name, String unit, String title, String manager, EmploymentStatus status) {
    }

    private static final List<Unit> UNITS = List.of(new Unit("EXEC", "Executive office"), new Unit("LEGAL", "People & Legal"),
            new Unit("ENG", "Engineering"), new Unit("FIN", "Finance"));

    private static final List<Someone> PEOPLE = List.of(
            new Someone("E1000", "Clara Quinn", "EXEC", "Chief executive", null, EmploymentStatus.ACTIVE),
            new Someone("E1001", "Priya Shah", "LEGAL", "Privacy officer", "E1000", EmploymentStatus.ACTIVE),
            new Someone("E1002", "Jonas Weber", "LEGAL", "HR partner", "E1001", EmploymentStatus.ACTIVE),
            new Someone("E1040", "Ada Fischer", "EXEC", "Internal auditor", "E1000", EmploymentStatus.ACTIVE),
            new Someone("E1010", "Maria Lopez", "ENG", "Head of engineering", "E1000", EmploymentStatus.ACTIVE),
            new Someone("E1003", "Sam Okafor", "ENG", "Security analyst", "E1010", EmploymentStatus.ACTIVE),
            new Someone("E1011", "Noah Kim", "ENG", "Software engineer", "E1010", EmploymentStatus.ACTIVE),
            new Someone("E1012", "Lena Novak", "ENG", "Software engineer", "E1010", EmploymentStatus.ACTIVE),
            new Someone("E1013", "Omar Haddad", "ENG", "Site reliability engineer", "E1010", EmploymentStatus.ACTIVE),
            new Someone("E1014", "Chloe Martin", "ENG", "Software engineer", "E1010", EmploymentStatus.ACTIVE),
            new Someone("E1015", "Ravi Iyer", "ENG", "Software engineer", "E1010", EmploymentStatus.ACTIVE),
            new Someone("E1016", "Sofia Rossi", "ENG", "Data engineer", "E1010", EmploymentStatus.ACTIVE),
            new Someone("E1017", "Ben Carter", "ENG", "Software engineer", "E1010", EmploymentStatus.ACTIVE),
            new Someone("E1018", "Mia Tanaka", "ENG", "Software engineer", "E1010", EmploymentStatus.LEAVE),
            new Someone("E1019", "Lucas Silva", "ENG", "Software engineer", "E1010", EmploymentStatus.ACTIVE),
            new Someone("E1020", "Ethan Cole", "ENG", "Software engineer", "E1010", EmploymentStatus.TERMINATED),
            new Someone("E1021", "Zoe Adams", "ENG", "Software engineer", "E1010", EmploymentStatus.ACTIVE),
            new Someone("E1030", "Tom Becker", "FIN", "Finance manager", "E1000", EmploymentStatus.ACTIVE),
            new Someone("E1031", "Grace Liu", "FIN", "Accountant", "E1030", EmploymentStatus.ACTIVE),
            new Someone("E1032", "Daniel Park", "FIN", "Accounts payable clerk", "E1030", EmploymentStatus.ACTIVE),
            new Someone("E1033", "Emma Dubois", "FIN", "Payroll specialist", "E1030", EmploymentStatus.ACTIVE),
            new Someone("E1034", "Felix Wagner", "FIN", "Accountant", "E1030", EmploymentStatus.ACTIVE),
            new Someone("E1035", "Isla Murphy", "FIN", "Financial controller", "E1030", EmploymentStatus.ACTIVE));

    private final PeopleDirectory people;
    private final UserAccountService users;

    public SampleCompany(PeopleDirectory people, UserAccountService users) {
        this.people = people;
        this.users = users;
    }

    /** Makes the org units, people and users; returns the company as the modules' sample data sees it. */
    public SampleContext create(Instant now) {
        Map<String, Long> units = new HashMap<>();
        for (Unit unit : UNITS) {
            units.put(unit.code(), people.saveOrgUnit(null, 0, unit.code(), unit.name(), null));
        }
        Map<String, String> usernames = new HashMap<>();
        USERS.forEach(u -> usernames.put(u.employeeId(), u.username()));
        Map<String, Long> ids = new LinkedHashMap<>();
        List<SamplePerson> made = new ArrayList<>();
        LocalDate today = LocalDate.ofInstant(now, ZoneOffset.UTC);
        int n = 0;
        for (Someone p : PEOPLE) {
            Long manager = p.manager() == null ? null : ids.get(p.manager());
            LocalDate start = today.minusMonths(7L + (n++ * 5L) % 60);
            LocalDate end = p.status() == EmploymentStatus.TERMINATED ? today.minusDays(12) : null;
            String email = email(p.name());
            long id = people.save(new PersonForm(null, 0, p.employeeId(), p.name(), email, p.title(), units.get(p.unit()), manager,
                    p.status(), start, end));
            ids.put(p.employeeId(), id);
            made.add(new SamplePerson(id, p.employeeId(), p.name(), email, p.unit(), p.title(), manager, p.status(),
                    usernames.get(p.employeeId())));
        }
        for (SampleUser user : USERS) {
            SamplePerson person = made.stream().filter(p -> p.employeeId().equals(user.employeeId())).findFirst().orElseThrow();
            users.createWithPassword(user.username(), person.fullName(), person.email(), EnumSet.of(user.role()), PASSWORD);
        }
        return new SampleContext(now, NAME, List.copyOf(made), "priya", "sam", List.of("maria", "tom"), "ada");
    }

    /** How many records {@link #create} makes. */
    public static int records() {
        return UNITS.size() + PEOPLE.size() + USERS.size();
    }

    static String email(String fullName) {
        return fullName.toLowerCase().replace(' ', '.') + "@" + DOMAIN;
    }
}
