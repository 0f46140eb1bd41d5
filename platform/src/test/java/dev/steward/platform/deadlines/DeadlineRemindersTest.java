package dev.steward.platform.deadlines;

import dev.steward.platform.people.EmploymentStatus;
import dev.steward.platform.people.PeopleDirectory;
import dev.steward.platform.people.PersonForm;
import dev.steward.platform.security.Role;
import dev.steward.platform.security.UserAccountService;
import dev.steward.platform.spi.DeadlineSource;
import dev.steward.platform.spi.DeadlineSource.Deadline;
import org.jooq.DSLContext;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;

import static dev.steward.platform.db.generated.Tables.APP_USER;
import static dev.steward.platform.db.generated.Tables.DEADLINE_NOTICE;
import static dev.steward.platform.db.generated.Tables.NOTIFICATION;
import static org.assertj.core.api.Assertions.assertThat;

@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.NONE, properties = {
        "steward.jobs.enabled=false", "steward.deadlines.reminders=P3D,P1D,PT4H"})
class DeadlineRemindersTest {

    /** A module whose deadlines the test sets; its officers are those who may manage people (privacy officers, admins). */
    @TestConfiguration
    static class Module {
        static final List<Deadline> items = new CopyOnWriteArrayList<>();

        @Bean
        DeadlineSource testDeadlines() {
            return new DeadlineSource() {
                public String officerPermission() {
                    return "platform.people.manage";
                }

                public String readPermission(Deadline deadline) {
                    return deadline.key().startsWith("secret") ? "platform.audit.read" : "platform.dashboard";
                }

                public Duration longestReminder() {
                    return Duration.ofDays(10);
                }

                public List<Deadline> deadlines(DeadlineQuery q) {
                    return items.stream().filter(d -> q.owners() == null || q.owners().contains(d.owner()))
                            .filter(d -> q.dueBefore() == null || d.due().isBefore(q.dueBefore())).toList();
                }
            };
        }
    }

    @Autowired
    DeadlineReminders reminders;
    @Autowired
    UserAccountService users;
    @Autowired
    PeopleDirectory people;
    @Autowired
    DSLContext dsl;

    static final Instant NOW = Instant.parse("2026-06-10T09:00:00Z");

    private void user(String username, String email, Role role) {
        if (!dsl.fetchExists(APP_USER, APP_USER.USERNAME.eq(username))) {
            users.create(username, username, email, java.util.EnumSet.of(role));
        }
    }

    @BeforeEach
    void aTeam() {
        Module.items.clear();
        SecurityContextHolder.getContext().setAuthentication(UsernamePasswordAuthenticationToken.authenticated("setup", null,
                List.of(new SimpleGrantedAuthority("platform.users.manage"), new SimpleGrantedAuthority("platform.people.manage"),
                        new SimpleGrantedAuthority("platform.people.read"))));
        dsl.deleteFrom(DEADLINE_NOTICE).execute();
        dsl.deleteFrom(NOTIFICATION).execute();
        user("max", "max@example.org", Role.MANAGER);
        user("olivia", "olivia@example.org", Role.SECURITY_ANALYST);
        user("nomad", "nomad@example.org", Role.SECURITY_ANALYST);
        user("pat", "pat@example.org", Role.PRIVACY_OFFICER);
        if (people.count(new dev.steward.platform.people.PersonFilter("P-MAX", null, null)) == 0) {
            long max = people.save(new PersonForm(null, 0, "P-MAX", "Max Manager", "max@example.org", null, null, null, EmploymentStatus.ACTIVE, null, null));
            people.save(new PersonForm(null, 0, "P-OLI", "Olivia Owner", "olivia@example.org", null, null, max, EmploymentStatus.ACTIVE, null, null));
        }
        SecurityContextHolder.clearContext();
    }

    private static Deadline due(String key, String owner, Duration fromNow, DeadlineSource.State state) {
        return new Deadline(key, "test", "Notify the authority about " + key, owner, NOW.plus(fromNow),
                DeadlineSource.Severity.HIGH, "incidents/1", state, null);
    }

    private List<String> titlesFor(String user) {
        return dsl.select(NOTIFICATION.TITLE).from(NOTIFICATION).where(NOTIFICATION.RECIPIENT.eq(user)).orderBy(NOTIFICATION.ID)
                .fetch(NOTIFICATION.TITLE);
    }

    @Test
    void a_reminder_goes_out_once_per_offset_reached_and_only_the_closest_when_several_are() {
        Module.items.add(due("a", "olivia", Duration.ofHours(30), DeadlineSource.State.OPEN)); // P3D reached, not P1D
        Module.items.add(due("b", "olivia", Duration.ofHours(2), DeadlineSource.State.OPEN));  // all three reached
        assertThat(reminders.runOnce(NOW)).isEqualTo(2);
        assertThat(reminders.runOnce(NOW)).isZero();
        assertThat(titlesFor("olivia")).containsExactly("Due soon: Notify the authority about a", "Due soon: Notify the authority about b");
        // 7 hours later: a is within one day (its second reminder), b is overdue (escalation)
        assertThat(reminders.runOnce(NOW.plus(Duration.ofHours(7)))).isEqualTo(2);
        assertThat(dsl.select(DEADLINE_NOTICE.NOTICE).from(DEADLINE_NOTICE).where(DEADLINE_NOTICE.DEADLINE_KEY.eq("a"))
                .orderBy(DEADLINE_NOTICE.SENT_AT).fetch(DEADLINE_NOTICE.NOTICE)).containsExactlyInAnyOrder("REMINDER:PT72H", "REMINDER:PT24H");
        assertThat(dsl.select(DEADLINE_NOTICE.NOTICE).from(DEADLINE_NOTICE).where(DEADLINE_NOTICE.DEADLINE_KEY.eq("b"))
                .fetch(DEADLINE_NOTICE.NOTICE)).containsExactlyInAnyOrder("REMINDER:PT4H", "ESCALATION");
    }

    @Test
    void a_missed_deadline_escalates_once_to_the_owner_and_their_manager() {
        Module.items.add(due("late", "olivia", Duration.ofHours(-1), DeadlineSource.State.OPEN));
        assertThat(reminders.runOnce(NOW)).isEqualTo(1);
        assertThat(reminders.runOnce(NOW.plusSeconds(600))).isZero();
        assertThat(titlesFor("olivia")).containsExactly("Overdue: Notify the authority about late");
        assertThat(titlesFor("max")).containsExactly("Escalation: Notify the authority about late (owner olivia) is overdue");
        assertThat(titlesFor("pat")).isEmpty();
    }

    @Test
    void without_a_manager_the_modules_officers_get_the_escalation() {
        Module.items.add(due("orphan", "nomad", Duration.ofMinutes(-5), DeadlineSource.State.OPEN));
        reminders.runOnce(NOW);
        assertThat(titlesFor("pat")).containsExactly("Escalation: Notify the authority about orphan (owner nomad) is overdue");
    }

    @Test
    void a_deadline_with_its_own_schedule_and_escalation_recipients_uses_them_instead_of_the_consoles() {
        Deadline weekAhead = due("own", "olivia", Duration.ofDays(6), DeadlineSource.State.OPEN);
        Module.items.add(new Deadline(weekAhead.key(), weekAhead.module(), weekAhead.title(), "olivia", weekAhead.due(),
                weekAhead.severity(), weekAhead.link(), weekAhead.state(), null, List.of(Duration.ofDays(7), Duration.ofDays(2)), null));
        Deadline late = due("to-owner", "olivia", Duration.ofHours(-1), DeadlineSource.State.OPEN);
        Module.items.add(new Deadline(late.key(), late.module(), late.title(), "olivia", late.due(), late.severity(), late.link(),
                late.state(), null, null, java.util.Set.of("pat")));

        assertThat(reminders.runOnce(NOW)).isEqualTo(2);
        // six days ahead: the console's P3D is not reached, the deadline's own P7D is
        assertThat(dsl.select(DEADLINE_NOTICE.NOTICE).from(DEADLINE_NOTICE).where(DEADLINE_NOTICE.DEADLINE_KEY.eq("own"))
                .fetch(DEADLINE_NOTICE.NOTICE)).containsExactly("REMINDER:PT168H");
        assertThat(reminders.runOnce(NOW.plus(Duration.ofDays(3)))).isZero(); // not the console's P3D either
        assertThat(reminders.runOnce(NOW.plus(Duration.ofDays(4)).plusSeconds(60))).isEqualTo(1); // its own P2D
        // the missed one escalates to the named recipient, not to Olivia's manager
        assertThat(titlesFor("pat")).containsExactly("Escalation: Notify the authority about to-owner (owner olivia) is overdue");
        assertThat(titlesFor("max")).isEmpty();
    }

    @Test
    void waived_and_met_deadlines_get_nothing() {
        Module.items.add(due("w", "olivia", Duration.ofHours(1), DeadlineSource.State.WAIVED));
        Module.items.add(due("m", "olivia", Duration.ofHours(-1), DeadlineSource.State.MET));
        assertThat(reminders.runOnce(NOW)).isZero();
        assertThat(titlesFor("olivia")).isEmpty();
    }

    @Test
    void two_instances_scanning_at_once_send_each_notice_once() throws Exception {
        for (int i = 0; i < 20; i++) {
            Module.items.add(due("c" + i, "olivia", Duration.ofHours(1), DeadlineSource.State.OPEN));
        }
        var pool = Executors.newFixedThreadPool(2);
        var first = pool.submit(() -> reminders.runOnce(NOW));
        var second = pool.submit(() -> reminders.runOnce(NOW));
        assertThat(first.get() + second.get()).isEqualTo(20);
        pool.shutdown();
        assertThat(titlesFor("olivia")).hasSize(20).doesNotHaveDuplicates();
    }

    @Test
    void an_owner_who_may_not_read_a_deadline_gets_no_reminder_and_the_officers_hear_of_it_instead() {
        Module.items.add(due("secret-soon", "olivia", Duration.ofHours(2), DeadlineSource.State.OPEN));
        assertThat(reminders.runOnce(NOW)).isEqualTo(1);
        assertThat(titlesFor("olivia")).isEmpty();
        assertThat(titlesFor("pat")).containsExactly("Due soon: Notify the authority about secret-soon (owner olivia may not open it)");
    }

    @Test
    void a_manager_who_may_not_read_a_missed_deadline_is_replaced_by_the_officers() {
        Module.items.add(due("secret-late", "olivia", Duration.ofHours(-1), DeadlineSource.State.OPEN));
        reminders.runOnce(NOW);
        assertThat(titlesFor("max")).isEmpty();
        assertThat(titlesFor("olivia")).isEmpty();
        assertThat(titlesFor("pat")).containsExactly("Escalation: Notify the authority about secret-late (owner olivia) is overdue");
    }

    @Test
    void a_named_escalation_recipient_who_may_not_read_the_deadline_is_replaced_by_the_officers() {
        Deadline late = due("secret-named", "pat", Duration.ofHours(-1), DeadlineSource.State.OPEN);
        Module.items.add(new Deadline(late.key(), late.module(), late.title(), "pat", late.due(), late.severity(), late.link(),
                late.state(), null, null, java.util.Set.of("max")));
        reminders.runOnce(NOW);
        assertThat(titlesFor("max")).isEmpty();
        assertThat(titlesFor("pat")).containsExactly("Overdue: Notify the authority about secret-named");
    }
}
