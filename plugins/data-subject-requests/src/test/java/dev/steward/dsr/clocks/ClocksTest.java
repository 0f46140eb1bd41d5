package dev.steward.dsr.clocks;

import dev.steward.dsr.DsrTestBase;
import dev.steward.dsr.requests.Regime;
import dev.steward.dsr.requests.RequestTimeline;
import dev.steward.dsr.requests.RequestType;
import dev.steward.dsr.requests.RightsRequest;
import dev.steward.dsr.requests.RightsRequests;
import dev.steward.platform.spi.DeadlineSource;
import dev.steward.platform.validation.ConcurrentChangeException;
import dev.steward.platform.validation.InvalidInputException;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.Set;

import static dev.steward.dsr.db.Tables.CLOCK_PAUSE;
import static dev.steward.dsr.db.Tables.REQUEST_CLOCK;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Request clocks through the services: start, promise, extension, pause, rule versions, deadlines and bad input. */
class ClocksTest extends DsrTestBase {

    static final ZoneId LOS_ANGELES = ZoneId.of("America/Los_Angeles");
    static final ZoneId BRUSSELS = ZoneId.of("Europe/Brussels");
    static final ZoneId LONDON = ZoneId.of("Europe/London");

    private RightsRequest openReceived(String jurisdiction, Instant received) {
        loginAsOfficer();
        return bean(RightsRequests.class).open(form(jurisdiction, RequestType.ACCESS_CATEGORIES).receivedAt(received));
    }

    private RequestClock clock(long id) {
        return bean(Clocks.class).of(id).orElseThrow();
    }

    /** The latest day of the yearly kind that is before {@code today}. */
    private static LocalDate lastBefore(LocalDate today, java.util.function.IntFunction<LocalDate> ofYear) {
        LocalDate thisYear = ofYear.apply(today.getYear());
        return thisYear.isBefore(today) ? thisYear : ofYear.apply(today.getYear() - 1);
    }

    private static LocalDate day(Instant instant, ZoneId zone) {
        return instant.atZone(zone).toLocalDate();
    }

    @Test
    void a_ccpa_request_is_due_in_45_days_and_acknowledged_within_10_business_days_by_the_law_alone() {
        Instant received = Instant.now().minus(Duration.ofDays(2));
        RightsRequest r = openReceived("US-CA", received);
        LocalDate receivedDay = day(received, LOS_ANGELES);
        assertThat(day(r.dueAt(), LOS_ANGELES)).isEqualTo(receivedDay.plusDays(45));
        assertThat(day(r.acknowledgeBy(), LOS_ANGELES)).isEqualTo(UsFederalHolidays.plusBusinessDays(receivedDay, 10));
        RequestClock c = clock(r.id());
        assertThat(c.dueBasis()).startsWith("The law decides: 45 calendar days from receipt under California CCPA/CPRA");
        assertThat(c.extensionNoticeBy()).isEqualTo(r.dueAt());
        assertThat(bean(RequestTimeline.class).of(r.id())).anyMatch(e -> e.kind() == RequestTimeline.Kind.CLOCK
                && e.text().contains("acknowledge receipt by end of") && e.text().contains("Los Angeles time"));
        assertThat(bean(Clocks.class).explain(r.id())).contains("version " + c.rule().version()).contains("Receipt is to be acknowledged by");
    }

    @Test
    void a_request_received_on_the_friday_before_memorial_day_is_acknowledged_by_the_second_monday_after() {
        // the last such Friday (a request may be back-dated 400 days), at noon in Los Angeles
        LocalDate memorialDay = lastBefore(LocalDate.now(LOS_ANGELES), year -> LocalDate.of(year, 5, 31)
                .with(java.time.temporal.TemporalAdjusters.previousOrSame(java.time.DayOfWeek.MONDAY)));
        LocalDate friday = memorialDay.minusDays(3);
        RightsRequest r = openReceived("US-CA", friday.atTime(12, 0).atZone(LOS_ANGELES).toInstant());
        // Tuesday to Friday (4), the next week (5), and the Monday after: the 10th business day
        assertThat(r.acknowledgeBy().atZone(LOS_ANGELES).toLocalDateTime())
                .isEqualTo(memorialDay.plusDays(14).atTime(23, 59, 59, 999_999_000));
        assertThat(day(r.dueAt(), LOS_ANGELES)).isEqualTo(friday.plusDays(45));
    }

    @Test
    void a_gdpr_request_received_on_31_january_is_due_at_the_end_of_february() {
        LocalDate jan31 = lastBefore(LocalDate.now(BRUSSELS), year -> LocalDate.of(year, 1, 31));
        RightsRequest r = openReceived("DE", jan31.atTime(10, 0).atZone(BRUSSELS).toInstant());
        assertThat(day(r.dueAt(), BRUSSELS)).isEqualTo(jan31.withMonth(2).with(java.time.temporal.TemporalAdjusters.lastDayOfMonth()));
        assertThat(r.acknowledgeBy()).isNull();
    }

    @Test
    void a_30_day_promise_beats_the_law_s_45_days_and_a_promise_longer_than_the_law_is_ignored() {
        loginAsOfficer();
        Promises promises = bean(Promises.class);
        try {
            promises.promise(Regime.VCDPA, 30, "Privacy policy, 'We will respond to your request within 30 days'", "Policy of 2026");
            Instant received = Instant.now().minus(Duration.ofDays(1));
            RightsRequest promised = openReceived("US-VA", received);
            assertThat(day(promised.dueAt(), ZoneId.of("America/New_York"))).isEqualTo(day(received, ZoneId.of("America/New_York")).plusDays(30));
            assertThat(clock(promised.id()).dueBasis()).startsWith("The company's promise decides: 30 days from receipt (Privacy policy")
                    .contains("earlier than the law's 45 calendar days");
            assertThat(clock(promised.id()).promise().days()).isEqualTo(30);

            loginAsOfficer();
            promises.promise(Regime.VCDPA, 60, "Privacy policy, 'within 60 days'", "Longer promise");
            RightsRequest lawWins = openReceived("US-VA", received);
            assertThat(day(lawWins.dueAt(), ZoneId.of("America/New_York"))).isEqualTo(day(received, ZoneId.of("America/New_York")).plusDays(45));
            assertThat(clock(lawWins.id()).dueBasis()).startsWith("The law decides").contains("ends later and gives way to the law");
            // the request opened under the 30-day promise keeps it
            assertThat(clock(promised.id()).dueAt()).isEqualTo(promised.dueAt());
        } finally {
            loginAsOfficer();
            promises.withdraw(Regime.VCDPA, "Test over");
        }
    }

    @Test
    void a_policy_request_has_no_due_date_without_a_promise_and_the_promise_s_with_one() {
        RightsRequest none = openReceived("JP", Instant.now());
        assertThat(none.dueAt()).isNull();
        assertThat(clock(none.id()).dueBasis()).startsWith("No due date");
        Promises promises = bean(Promises.class);
        try {
            promises.promise(null, 30, "Privacy policy, 'We answer every request within 30 days'", "Policy for everyone");
            Instant received = Instant.now();
            RightsRequest promised = openReceived("JP", received);
            assertThat(day(promised.dueAt(), ZoneId.of("UTC"))).isEqualTo(day(received, ZoneId.of("UTC")).plusDays(30));
            assertThat(clock(promised.id()).dueBasis()).startsWith("The company's promise decides").endsWith("no law sets a period here");
        } finally {
            loginAsOfficer();
            promises.withdraw(null, "Test over");
        }
    }

    @Test
    void an_extension_told_within_the_first_month_moves_the_gdpr_due_date_by_two_months_once() {
        Instant received = Instant.now().minus(Duration.ofDays(20));
        RightsRequest r = openReceived("FR", received);
        Instant lawDue = r.dueAt();
        RequestClock extended = bean(ClockActions.class).extend(r.id(), r.version(), "Many systems to search", Instant.now());
        assertThat(day(extended.dueAt(), BRUSSELS)).isEqualTo(day(lawDue, BRUSSELS).plusMonths(2));
        assertThat(extended.extendedBy()).isEqualTo("olivia");
        assertThat(extended.dueBasis()).startsWith("Extended by 2 months under EU GDPR").contains("Many systems to search");
        assertThat(bean(RightsRequests.class).find(r.id()).orElseThrow().dueAt()).isEqualTo(extended.dueAt());
        assertThatThrownBy(() -> bean(ClockActions.class).extend(r.id(), extended.requestVersion(), "Again", Instant.now()))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("already extended once");
    }

    @Test
    void an_extension_after_the_first_month_is_refused_and_nothing_changes() {
        RightsRequest r = openReceived("FR", Instant.now().minus(Duration.ofDays(35)));
        assertThatThrownBy(() -> bean(ClockActions.class).extend(r.id(), r.version(), "Too late", Instant.now()))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("due date has passed");
        assertThat(clock(r.id()).extended()).isFalse();
        assertThat(clock(r.id()).dueAt()).isEqualTo(r.dueAt());
    }

    @Test
    void an_extension_is_refused_after_the_first_period_and_its_notice_date_must_lie_between_receipt_and_now() {
        RightsRequest r = openReceived("US-CA", Instant.now().minus(Duration.ofDays(3)));
        RequestClock c = clock(r.id());
        Instant afterWindow = c.extensionNoticeBy().plus(Duration.ofDays(1));
        assertThat(c.extensionRefusal(afterWindow)).hasValueSatisfying(m -> assertThat(m).contains("due date has passed"));
        assertThat(c.extensionRefusal(Instant.now())).isEmpty();
        assertThatThrownBy(() -> bean(ClockActions.class).extend(r.id(), r.version(), "Need time", r.receivedAt().minusSeconds(60)))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("between receipt and now");
    }

    @Test
    void a_uk_clock_paused_for_verification_moves_its_due_date_by_the_days_it_waited() {
        RightsRequest r = openReceived("GB", Instant.now().minus(Duration.ofDays(1)));
        ClockActions actions = bean(ClockActions.class);
        RequestClock paused = actions.pause(r.id(), r.version(), "Asked for a copy of a utility bill");
        assertThat(paused.paused()).isTrue();
        // the wait began three days ago
        Instant threeDaysAgo = Instant.now().minus(Duration.ofDays(3));
        dsl.update(CLOCK_PAUSE).set(CLOCK_PAUSE.PAUSED_AT, threeDaysAgo).where(CLOCK_PAUSE.REQUEST_ID.eq(r.id())).execute();
        dsl.update(REQUEST_CLOCK).set(REQUEST_CLOCK.PAUSED_SINCE, threeDaysAgo).where(REQUEST_CLOCK.REQUEST_ID.eq(r.id())).execute();
        int days = (int) ChronoUnit.DAYS.between(day(threeDaysAgo, LONDON), day(Instant.now(), LONDON));

        RequestClock resumed = actions.resume(r.id(), paused.requestVersion());
        assertThat(day(resumed.dueAt(), LONDON)).isEqualTo(day(r.dueAt(), LONDON).plusDays(days));
        assertThat(resumed.pausedDays()).isEqualTo(days);
        assertThat(resumed.pauses()).singleElement().satisfies(p -> {
            assertThat(p.movedDays()).isEqualTo(days);
            assertThat(p.resumedBy()).isEqualTo("olivia");
        });
        assertThat(resumed.extensionNoticeBy()).isEqualTo(resumed.lawDueAt());
        assertThat(bean(Clocks.class).explain(r.id())).contains("Paused for " + days + " days");
    }

    @Test
    void a_ccpa_clock_does_not_wait_for_verification() {
        RightsRequest r = openReceived("US-CA", Instant.now());
        assertThatThrownBy(() -> bean(ClockActions.class).pause(r.id(), r.version(), "Asked for ID"))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("does not let the clock wait");
        assertThatThrownBy(() -> bean(ClockActions.class).resume(r.id(), r.version()))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("not paused");
    }

    @Test
    void a_new_rule_version_applies_to_new_requests_and_old_requests_keep_their_dates() {
        Instant received = Instant.now().minus(Duration.ofDays(1));
        RightsRequest before = openReceived("CA", received);
        ClockRules rules = bean(ClockRules.class);
        ClockRule v1 = rules.versions(Regime.PIPEDA).getFirst();
        ZoneId zone = v1.zone();
        loginAsOfficer();
        ClockRule.Draft shorter = new ClockRule.Draft(null, false, 20, ClockRule.Unit.DAYS, 30, ClockRule.Unit.DAYS, false, null,
                zone.getId(), v1.citation(), "Test: a shorter period", LocalDate.now(), null);
        ClockRule v2 = rules.change(v1.id(), shorter, "Testing versions");
        try {
            assertThat(v2.version()).isEqualTo(v1.version() + 1);
            assertThat(rules.versions(Regime.PIPEDA).get(1).supersededBy()).isEqualTo(v2.id());
            RightsRequest after = openReceived("CA", received);
            assertThat(day(after.dueAt(), zone)).isEqualTo(day(received, zone).plusDays(20));
            assertThat(day(bean(RightsRequests.class).find(before.id()).orElseThrow().dueAt(), zone)).isEqualTo(day(received, zone).plusDays(30));
            assertThat(clock(before.id()).rule().version()).isEqualTo(v1.version());
            assertThat(bean(Clocks.class).explain(before.id())).contains("since replaced; this request keeps it");
            assertThatThrownBy(() -> rules.change(v1.id(), shorter, "Stale"))
                    .isInstanceOf(ConcurrentChangeException.class);
        } finally {
            loginAsOfficer();
            rules.change(v2.id(), v1.draft(), "Test over: back to the statute");
        }
    }

    @Test
    void acknowledging_records_when_and_is_done_once() {
        RightsRequest r = openReceived("US-CA", Instant.now());
        RequestClock c = bean(ClockActions.class).acknowledge(r.id(), r.version());
        assertThat(c.acknowledgedAt()).isNotNull();
        assertThatThrownBy(() -> bean(ClockActions.class).acknowledge(r.id(), c.requestVersion()))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("already acknowledged");
        assertThatThrownBy(() -> bean(ClockActions.class).acknowledge(r.id(), r.version()))
                .isInstanceOf(ConcurrentChangeException.class);
    }

    @Test
    void bad_input_is_refused_on_its_field_and_writes_nothing() {
        RightsRequest r = openReceived("GB", Instant.now());
        ClockActions actions = bean(ClockActions.class);
        assertThatThrownBy(() -> actions.extend(r.id(), r.version(), " ", Instant.now()))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.problems()).extracting(p -> p.field()).containsExactly("reason"));
        assertThatThrownBy(() -> actions.extend(r.id(), r.version(), "Why", null))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.problems()).extracting(p -> p.field()).containsExactly("requesterNotifiedAt"));
        assertThatThrownBy(() -> actions.extend(r.id(), r.version(), "Why", Instant.now().plus(Duration.ofDays(2))))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("between receipt and now");
        assertThatThrownBy(() -> actions.pause(r.id(), r.version(), ""))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.problems()).extracting(p -> p.field()).containsExactly("reason"));
        assertThatThrownBy(() -> actions.acknowledge(-1, 0)).isInstanceOf(InvalidInputException.class);
        assertThat(clock(r.id()).extended()).isFalse();
        assertThat(clock(r.id()).paused()).isFalse();

        assertThatThrownBy(() -> bean(Promises.class).promise(Regime.CCPA, 0, " ", null))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.problems()).extracting(p -> p.field())
                        .containsExactlyInAnyOrder("days", "source", "reason"));
        ClockRule gdpr = bean(ClockRules.class).versions(Regime.GDPR).getFirst();
        ClockRule.Draft bad = new ClockRule.Draft(0, true, 0, null, 5, ClockRule.Unit.DAYS, true, " ", "Mars/Olympus", " ", null,
                LocalDate.of(2026, 1, 2), LocalDate.of(2026, 1, 1));
        assertThatThrownBy(() -> bean(ClockRules.class).change(gdpr.id(), bad, ""))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.problems()).extracting(p -> p.field())
                        .contains("reason", "ackDays", "answer", "pauseCitation", "citation", "effectiveTo", "zone"));
        assertThat(bean(ClockRules.class).versions(Regime.GDPR).getFirst().id()).isEqualTo(gdpr.id());
    }

    @Test
    void open_requests_are_platform_deadlines_of_their_assignee() {
        RightsRequest r = openReceived("US-CA", Instant.now());
        RightsRequest assigned = bean(RightsRequests.class).assign(r.id(), r.version(), "olivia");
        DeadlineSource source = bean(RequestDeadlines.class);
        var mine = source.deadlines(new DeadlineSource.DeadlineQuery(Set.of("olivia"), null, true));
        assertThat(mine).filteredOn(d -> d.key().equals("dsr:request:" + r.id() + ":answer")).singleElement().satisfies(d -> {
            assertThat(d.due()).isEqualTo(assigned.dueAt());
            assertThat(d.link()).isEqualTo("requests/" + r.id());
            assertThat(d.state()).isEqualTo(DeadlineSource.State.OPEN);
            assertThat(d.title()).doesNotContain("Rosa");
        });
        assertThat(mine).anyMatch(d -> d.key().equals("dsr:request:" + r.id() + ":acknowledge"));
        bean(ClockActions.class).acknowledge(r.id(), assigned.version());
        assertThat(source.deadlines(new DeadlineSource.DeadlineQuery(Set.of("olivia"), null, true)))
                .noneMatch(d -> d.key().equals("dsr:request:" + r.id() + ":acknowledge"));
    }
}
