package dev.steward.console.security;

import dev.steward.testkit.console.PluginServiceTestBase;
import dev.steward.incidents.Incident;
import dev.steward.incidents.IncidentForm;
import dev.steward.incidents.IncidentService;
import dev.steward.incidents.IncidentSource;
import dev.steward.incidents.IncidentType;
import dev.steward.incidents.OurRole;
import dev.steward.platform.deadlines.DeadlineReminders;
import dev.steward.platform.deadlines.DeadlineService;
import dev.steward.platform.deadlines.WorkItem;
import dev.steward.platform.people.EmploymentStatus;
import dev.steward.platform.people.PeopleDirectory;
import dev.steward.platform.people.PersonFilter;
import dev.steward.platform.people.PersonForm;
import dev.steward.platform.security.Role;
import dev.steward.platform.security.UserAccountService;
import org.jooq.DSLContext;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;

import static dev.steward.platform.db.generated.Tables.APP_USER;
import static dev.steward.platform.db.generated.Tables.MAIL_OUTBOX;
import static dev.steward.platform.db.generated.Tables.NOTIFICATION;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 12, defect 7: a manager without {@code incidents.read} whose report (or who themself) owns an overdue breach
 * notice must not see it in My work or My team, nor be reminded or escalated to with its reference; a privacy
 * officer is told instead.
 */
class MyWorkLeakAttackTest extends PluginServiceTestBase {

    @Autowired
    DeadlineService deadlines;
    @Autowired
    DeadlineReminders reminders;
    @Autowired
    UserAccountService users;
    @Autowired
    PeopleDirectory people;
    @Autowired
    DSLContext dsl;

    private Incident reportsIncident;
    private Incident managersIncident;

    @Override
    protected String pluginId() {
        return "incidents";
    }

    @BeforeEach
    void aManagerWhoseReportAndThemselfOwnOverdueNotices() {
        loginAs("setup", Role.ADMIN);
        user("mona", Role.MANAGER);
        user("rick", Role.SECURITY_ANALYST);
        user("priya", Role.PRIVACY_OFFICER);
        if (people.count(new PersonFilter("P-MONA", null, null)) == 0) {
            long mona = people.save(new PersonForm(null, 0, "P-MONA", "Mona Manager", "mona@example.org", null, null, null,
                    EmploymentStatus.ACTIVE, null, null));
            people.save(new PersonForm(null, 0, "P-RICK", "Rick Report", "rick@example.org", null, null, mona,
                    EmploymentStatus.ACTIVE, null, null));
        }
        reportsIncident = overdueNoticeAssignedTo("rick", "Stolen laptop of the payroll team");
        managersIncident = overdueNoticeAssignedTo("mona", "Misdirected salary letters");
    }

    @Test
    void a_manager_without_incident_read_sees_no_incident_item_in_my_work_or_my_team() {
        loginAs("mona", Role.MANAGER);
        assertThat(links(deadlines.myWork(ZoneOffset.UTC))).noneMatch(link -> link.startsWith("incidents/"));
        assertThat(links(deadlines.teamWork(ZoneOffset.UTC))).noneMatch(link -> link.startsWith("incidents/"));
    }

    @Test
    void a_privacy_officer_still_sees_both_notices_in_the_team_view() {
        loginAs("priya", Role.PRIVACY_OFFICER);
        assertThat(links(deadlines.teamWork(ZoneOffset.UTC)))
                .contains("incidents/" + reportsIncident.id(), "incidents/" + managersIncident.id());
    }

    @Test
    void assignment_reminders_and_escalations_never_reach_the_manager_and_go_to_the_privacy_officer() {
        reminders.runOnce(Instant.now());

        assertThat(notificationsOf("mona")).noneMatch(title -> mentionsAnIncident(title));
        assertThat(mailTo("mona@example.org")).noneMatch(this::mentionsAnIncident);
        assertThat(notificationsOf("priya"))
                .anyMatch(t -> t.startsWith("Escalation: " + reportsIncident.reference()))
                .anyMatch(t -> t.startsWith("Escalation: " + managersIncident.reference()));
        assertThat(notificationsOf("rick")).contains("Incident assigned to you: " + reportsIncident.reference())
                .anyMatch(t -> t.startsWith("Overdue: " + reportsIncident.reference()));
    }

    private boolean mentionsAnIncident(String text) {
        return text.contains(reportsIncident.reference()) || text.contains(managersIncident.reference());
    }

    private Incident overdueNoticeAssignedTo(String assignee, String title) {
        loginAs("setup", Role.PRIVACY_OFFICER);
        Instant discovered = Instant.now().minus(Duration.ofHours(100)).truncatedTo(ChronoUnit.SECONDS);
        IncidentForm form = IncidentForm.of(title, IncidentType.LOST_DEVICE, IncidentSource.INTERNAL, OurRole.CONTROLLER, discovered);
        form.setResidents(Map.of("NL", 40));
        form.setAssignee(assignee);
        form.setAwareAt(discovered);
        Incident incident = bean(IncidentService.class).create(form);
        logout();
        return incident;
    }

    private void user(String username, Role role) {
        if (!dsl.fetchExists(APP_USER, APP_USER.USERNAME.eq(username))) {
            users.create(username, username, username + "@example.org", EnumSet.of(role));
        }
    }

    private void logout() {
        org.springframework.security.core.context.SecurityContextHolder.clearContext();
    }

    private List<String> notificationsOf(String user) {
        return dsl.select(NOTIFICATION.TITLE).from(NOTIFICATION).where(NOTIFICATION.RECIPIENT.eq(user)).fetch(NOTIFICATION.TITLE);
    }

    private List<String> mailTo(String email) {
        return dsl.select(MAIL_OUTBOX.SUBJECT, MAIL_OUTBOX.BODY_TEXT).from(MAIL_OUTBOX).where(MAIL_OUTBOX.RECIPIENT_EMAIL.eq(email))
                .fetch(r -> r.value1() + "\n" + r.value2());
    }

    private static List<String> links(List<WorkItem> items) {
        return items.stream().map(i -> i.deadline().link()).toList();
    }
}
