package dev.steward.incidents;

import dev.steward.incidents.obligations.ObligationService;
import dev.steward.platform.security.Role;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.security.access.AccessDeniedException;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The incident list's notice filter, in SQL: the same notices the dashboard cards count, for readers only. */
class NoticeFilterTest extends IncidentServiceTestBase {

    IncidentService incidents;
    ObligationService obligations;
    IncidentList list;
    IncidentStats stats;

    @BeforeEach
    void services() {
        incidents = bean(IncidentService.class);
        obligations = bean(ObligationService.class);
        list = bean(IncidentList.class);
        stats = bean(IncidentStats.class);
        loginAs("olivia", Role.PRIVACY_OFFICER);
    }

    @Test
    void each_window_finds_the_incidents_with_an_open_notice_in_it_and_a_sent_notice_no_longer_counts() {
        Incident overdue = withNotice("Overdue", Duration.ofHours(-3));
        Incident soon = withNotice("Due tomorrow", Duration.ofHours(24));
        Incident later = withNotice("Due in ten days", Duration.ofDays(10));
        Incident far = withNotice("Due in two months", Duration.ofDays(60));

        assertThat(ids(NoticeDue.OVERDUE)).contains(overdue.id()).doesNotContain(soon.id(), later.id(), far.id());
        assertThat(ids(NoticeDue.DUE_72H)).contains(soon.id()).doesNotContain(overdue.id(), later.id(), far.id());
        assertThat(ids(NoticeDue.DUE_30D)).contains(soon.id(), later.id()).doesNotContain(overdue.id(), far.id());
        assertThat(list.count(IncidentFilter.withNotices(NoticeDue.OVERDUE))).isEqualTo(ids(NoticeDue.OVERDUE).size());
        assertThat(stats.notices(NoticeDue.OVERDUE, 1000)).extracting(IncidentStats.DueObligation::incidentId)
                .contains(overdue.id()).doesNotContain(soon.id());

        var notice = obligations.of(overdue.id()).stream().filter(o -> o.manual()).findFirst().orElseThrow();
        obligations.recordSent(notice.id(), notice.version(), Instant.now(), "Email", "Sent late");
        assertThat(ids(NoticeDue.OVERDUE)).doesNotContain(overdue.id());
    }

    @Test
    void the_notice_filter_combines_with_the_other_filters() {
        Incident overdue = withNotice("Quarterly overdue zebra", Duration.ofHours(-3));
        var filter = new IncidentFilter("zebra", null, null, null, null, false, NoticeDue.OVERDUE);
        assertThat(list.page(filter, IncidentList.SortBy.DISCOVERED, false, 0, 10)).extracting(IncidentRow::id).contains(overdue.id());
        var other = new IncidentFilter("zebra", null, null, null, null, false, NoticeDue.DUE_72H);
        assertThat(list.count(other)).isZero();
    }

    @Test
    void a_user_without_the_incident_permission_may_not_list_or_count_notices() {
        loginAs("max", Role.MANAGER);
        IncidentFilter filter = IncidentFilter.withNotices(NoticeDue.OVERDUE);
        assertThatThrownBy(() -> list.count(filter)).isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> list.page(filter, IncidentList.SortBy.DISCOVERED, false, 0, 10)).isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> stats.notices(NoticeDue.OVERDUE, 5)).isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> stats.noticeCount(NoticeDue.DUE_72H)).isInstanceOf(AccessDeniedException.class);
    }

    @Test
    void only_the_three_known_parameter_values_name_a_window() {
        assertThat(NoticeDue.ofParameter("overdue")).contains(NoticeDue.OVERDUE);
        assertThat(NoticeDue.ofParameter("due72h")).contains(NoticeDue.DUE_72H);
        assertThat(NoticeDue.ofParameter("due30d")).contains(NoticeDue.DUE_30D);
        assertThat(NoticeDue.ofParameter("OVERDUE")).isEmpty();
        assertThat(NoticeDue.ofParameter("' or 1=1 --")).isEmpty();
    }

    private Incident withNotice(String title, Duration dueFromNow) {
        Incident incident = incidents.create(incident(title, IncidentType.PHISHING, hoursAgo(48)));
        obligations.addManual(incident.id(), "Contract", "Customer", "", Instant.now().plus(dueFromNow), "Contract clause 9");
        return incident;
    }

    private List<Long> ids(NoticeDue window) {
        return list.page(IncidentFilter.withNotices(window), IncidentList.SortBy.DISCOVERED, false, 0, 10_000).stream()
                .map(IncidentRow::id).toList();
    }
}
