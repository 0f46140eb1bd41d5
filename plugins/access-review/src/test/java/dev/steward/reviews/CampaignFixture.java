package dev.steward.reviews;

import dev.steward.platform.people.EmploymentStatus;
import dev.steward.platform.people.PeopleDirectory;
import dev.steward.platform.people.PersonForm;
import dev.steward.platform.security.Role;
import dev.steward.platform.security.UserAccountService;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;

import java.util.EnumSet;
import java.util.List;
import java.util.UUID;

/**
 * A small known organisation: Maria manages Jane, Al (terminated) and Olaf; Maria has no manager; the ERP holds
 * accounts for all of them and an orphan account. Every name gets a suffix so that fixtures of several tests live
 * side by side in one database.
 */
public final class CampaignFixture {

    public final String suffix = UUID.randomUUID().toString().substring(0, 6);
    public long maria;
    public long jane;
    public long al;
    public long olaf;

    public String user(String name) {
        return name + "-" + suffix;
    }

    public String email(String name) {
        return name + "-" + suffix + "@example.org";
    }

    public String employee(String id) {
        return id + "-" + suffix;
    }

    public void createPeopleAndUsers(PeopleDirectory people, UserAccountService users) {
        var previous = SecurityContextHolder.getContext().getAuthentication();
        SecurityContextHolder.getContext().setAuthentication(UsernamePasswordAuthenticationToken.authenticated("fixture", null,
                List.of(new SimpleGrantedAuthority("platform.people.manage"), new SimpleGrantedAuthority("platform.people.read"),
                        new SimpleGrantedAuthority("platform.users.manage"))));
        try {
            maria = people.save(person("M", "Maria Manager", "maria", null, EmploymentStatus.ACTIVE));
            jane = people.save(person("J", "Jane Doe", "jane", maria, EmploymentStatus.ACTIVE));
            al = people.save(person("A", "Al Smith", "al", maria, EmploymentStatus.TERMINATED));
            olaf = people.save(person("O", "Olaf Old", "olaf", maria, EmploymentStatus.ACTIVE));
            users.create(user("maria"), "Maria Manager", email("maria"), EnumSet.of(Role.MANAGER));
            users.create(user("jane"), "Jane Doe", email("jane"), EnumSet.of(Role.MANAGER));
            users.create(user("fiona"), "Fiona Fallback", email("fiona"), EnumSet.of(Role.SECURITY_ANALYST));
        } finally {
            SecurityContextHolder.getContext().setAuthentication(previous);
        }
    }

    private PersonForm person(String id, String name, String mail, Long manager, EmploymentStatus status) {
        java.time.LocalDate end = status == EmploymentStatus.TERMINATED ? java.time.LocalDate.of(2026, 10, 31) : null;
        return new PersonForm(null, 0, employee(id), name + " " + suffix, email(mail), null, null, manager, status,
                java.time.LocalDate.of(2020, 1, 1), end);
    }

    /** The ERP's file: Jane holds two conflicting AP roles, Al is terminated, Olaf dormant, Maria admin, one orphan. */
    public String erpFile() {
        return ReviewsTestBase.HEADER
                + "jdoe," + "AP_CLERK," + employee("J") + ",,Jane,2026-11-20\n"
                + "jdoe," + "AP_APPROVER," + employee("J") + ",,Jane,2026-11-20\n"
                + "jdoe," + "GL_VIEW," + employee("J") + ",,Jane,2026-11-20\n"
                + "asmith," + "GL_VIEW," + employee("A") + ",,Al,2026-11-01\n"
                + "olaf," + "GL_VIEW,," + email("olaf") + ",Olaf,2025-01-01\n"
                + "mmanager," + "ADMIN," + employee("M") + ",,Maria,2026-11-25\n"
                + "ghost," + "GL_VIEW,,,Nobody,2026-11-20\n";
    }
}
