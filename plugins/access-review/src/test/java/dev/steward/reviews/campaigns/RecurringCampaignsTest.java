package dev.steward.reviews.campaigns;

import dev.steward.platform.security.Role;
import dev.steward.platform.validation.InvalidInputException;
import dev.steward.platform.validation.InvalidInputException.Problem;
import dev.steward.reviews.CompanyTestBase;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** A campaign repeated quarterly launches itself over the current snapshots, tells its owner, and waits for the next quarter. */
class RecurringCampaignsTest extends CompanyTestBase {

    RecurringCampaigns recurring;
    Campaign template;

    @BeforeEach
    void aClosedQuarterlyReview() {
        recurring = bean(RecurringCampaigns.class);
        Instant start = Instant.parse("2026-10-01T08:00:00Z");
        Campaign draft = campaigns.create(CampaignForm.oneStage("ERP review", null, List.of(erp.id()), null, false, false, List.of(),
                CampaignForm.ReviewerRule.MANAGER, null, company.user("fiona"), CampaignForm.NoResponse.REVOKE, start,
                start.plus(Duration.ofDays(14))));
        template = campaigns.launch(draft.id(), draft.version());
    }

    @Test
    void a_due_run_copies_the_campaign_over_the_current_snapshot_launches_it_tells_the_owner_and_waits_a_quarter() {
        Instant firstRun = Instant.now().plus(1, ChronoUnit.HOURS).truncatedTo(ChronoUnit.SECONDS);
        RecurringCampaigns.Schedule schedule = recurring.repeat(template.id(), RecurringCampaigns.Frequency.QUARTERLY, firstRun);
        assertThat(schedule.owner()).isEqualTo("ivy");
        assertThat(recurring.launchDue(Instant.now())).as("not due yet").isZero();

        // a new hire since the template: the copy reviews today's access
        importCsv(erp, company.erpFile() + "newbie,GL_VIEW,,,Newbie,2026-11-30\n");
        Instant runTime = firstRun.plus(5, ChronoUnit.MINUTES).truncatedTo(ChronoUnit.SECONDS);
        assertThat(recurring.launchDue(runTime)).isEqualTo(1);
        RecurringCampaigns.Schedule after = recurring.list().stream().filter(s -> s.id() == schedule.id()).findFirst().orElseThrow();
        Campaign copy = campaigns.find(after.lastCampaignId()).orElseThrow();
        assertThat(copy.status()).isEqualTo(Campaign.Status.ACTIVE);
        assertThat(copy.owner()).isEqualTo("ivy");
        assertThat(copy.name()).startsWith("ERP review \u00b7 20").containsPattern("Q[1-4]$");
        assertThat(copy.items()).isEqualTo(template.items() + 1);
        assertThat(copy.definition().startsAt()).isEqualTo(runTime);
        assertThat(copy.definition().dueAt()).as("each stage as long as in the template").isEqualTo(runTime.plus(Duration.ofDays(14)));
        assertThat(copy.definition().noResponse()).isEqualTo(CampaignForm.NoResponse.REVOKE);
        assertThat(after.nextRunAt()).isEqualTo(firstRun.atZone(java.time.ZoneOffset.UTC).plusMonths(3).toInstant());
        assertThat(after.lastError()).isNull();
        assertThat(dsl.fetchCount(dsl.selectOne().from("platform.notification")
                .where("kind = 'reviews.recurring-launched' and recipient = 'ivy' and title = ?", "Access review launched: " + copy.name())))
                .isEqualTo(1);
        // the same tick on another node, or again: nothing more
        assertThat(recurring.launchDue(runTime)).isZero();
    }

    @Test
    void a_run_with_nothing_to_review_tells_the_owner_why_and_waits_for_the_next_period() {
        Instant firstRun = Instant.now().plus(1, ChronoUnit.HOURS).truncatedTo(ChronoUnit.SECONDS);
        RecurringCampaigns.Schedule schedule = recurring.repeat(template.id(), RecurringCampaigns.Frequency.HALF_YEARLY, firstRun);
        importCsv(erp, HEADER + "x,GL_VIEW,,,X,\n");
        dsl.execute("update reviews.access_grant set removed_import = added_import where system_id = ?", erp.id()); // an empty snapshot
        int campaignsBefore = campaigns.list().size();

        assertThat(recurring.launchDue(firstRun.plus(1, ChronoUnit.DAYS))).isZero();
        RecurringCampaigns.Schedule after = recurring.list().stream().filter(s -> s.id() == schedule.id()).findFirst().orElseThrow();
        assertThat(after.lastError()).isEqualTo("Nothing to review: no current access matches the campaign's scope");
        assertThat(after.nextRunAt()).isEqualTo(firstRun.atZone(java.time.ZoneOffset.UTC).plusMonths(6).toInstant());
        assertThat(campaigns.list()).as("the failed run leaves no draft behind").hasSize(campaignsBefore);
        assertThat(dsl.fetchCount(dsl.selectOne().from("platform.notification")
                .where("kind = 'reviews.recurring-failed' and recipient = 'ivy'"))).isEqualTo(1);
    }

    @Test
    void bad_schedules_are_refused_with_the_field_and_a_stopped_schedule_launches_nothing() {
        assertThatThrownBy(() -> recurring.repeat(template.id(), RecurringCampaigns.Frequency.YEARLY, Instant.now().minus(Duration.ofDays(1))))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.problems()).extracting(Problem::field, Problem::message)
                        .containsExactly(org.assertj.core.groups.Tuple.tuple("firstRun", "The first run must be in the future")));
        assertThatThrownBy(() -> recurring.repeat(template.id(), null, Instant.now().plus(Duration.ofDays(1))))
                .isInstanceOf(InvalidInputException.class);
        assertThatThrownBy(() -> recurring.repeat(-1, RecurringCampaigns.Frequency.YEARLY, Instant.now().plus(Duration.ofDays(1))))
                .isInstanceOf(InvalidInputException.class);
        RecurringCampaigns.Schedule schedule = recurring.repeat(template.id(), RecurringCampaigns.Frequency.YEARLY,
                Instant.now().plus(Duration.ofDays(1)));
        assertThatThrownBy(() -> recurring.repeat(template.id(), RecurringCampaigns.Frequency.QUARTERLY, Instant.now().plus(Duration.ofDays(1))))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.problems().getFirst().message())
                        .isEqualTo("ERP review is repeated already; stop that schedule first"));
        assertThatThrownBy(() -> recurring.stop(schedule.id(), schedule.version() + 1))
                .isInstanceOf(dev.steward.platform.validation.ConcurrentChangeException.class);
        recurring.stop(schedule.id(), schedule.version());
        assertThat(recurring.launchDue(Instant.now().plus(Duration.ofDays(400)))).isZero();
        assertThat(dsl.fetch("select action from platform.audit_log where entity_type = 'campaign_schedule' and entity_id = ?"
                + " order by id", String.valueOf(schedule.id())).getValues(0, String.class)).as("created and stopped, audited")
                .containsExactly("CREATE", "DELETE");
    }

    @Test
    void a_manager_can_neither_repeat_nor_stop_a_campaign() {
        loginAs(company.user("maria"), Role.MANAGER);
        assertThatThrownBy(() -> recurring.repeat(template.id(), RecurringCampaigns.Frequency.YEARLY, Instant.now().plus(Duration.ofDays(1))))
                .isInstanceOf(org.springframework.security.access.AccessDeniedException.class);
        assertThatThrownBy(() -> recurring.launchDue(Instant.now()))
                .isInstanceOf(org.springframework.security.access.AccessDeniedException.class);
    }
}
