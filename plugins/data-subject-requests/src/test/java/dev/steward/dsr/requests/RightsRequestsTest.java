package dev.steward.dsr.requests;

import dev.steward.dsr.DsrTestBase;
import dev.steward.platform.validation.ConcurrentChangeException;
import dev.steward.platform.validation.InvalidInputException;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.EnumSet;

import static dev.steward.dsr.db.Tables.REQUEST;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class RightsRequestsTest extends DsrTestBase {

    @Test
    void a_logged_request_gets_a_reference_its_law_from_the_jurisdiction_and_a_received_entry() {
        RightsRequest r = open("us-ca", RequestType.DELETION, RequestType.ACCESS_CATEGORIES);

        assertThat(r.reference()).matches("DSR-\\d{4}-\\d{6}");
        assertThat(r.jurisdiction()).isEqualTo("US-CA");
        assertThat(r.regime()).isEqualTo(Regime.CCPA);
        assertThat(r.status()).isEqualTo(RequestStatus.AWAITING_VERIFICATION);
        assertThat(r.types()).containsExactlyInAnyOrder(RequestType.DELETION, RequestType.ACCESS_CATEGORIES);
        // other parts (the clock, verification) add entries of their own kinds when a request opens
        assertThat(bean(RequestTimeline.class).of(r.id())).filteredOn(e -> e.kind() == RequestTimeline.Kind.RECEIVED).singleElement().satisfies(e -> {
            assertThat(e.actor()).isEqualTo("olivia");
            assertThat(e.text()).contains("Access: categories of data, Deletion").contains("California CCPA/CPRA");
        });
    }

    @Test
    void a_jurisdiction_no_listed_law_covers_is_answered_under_the_company_policy() {
        assertThat(open("JP", RequestType.ACCESS_SPECIFIC).regime()).isEqualTo(Regime.POLICY);
        assertThat(open("DE", RequestType.ACCESS_SPECIFIC).regime()).isEqualTo(Regime.GDPR);
        assertThat(open("GB", RequestType.ACCESS_SPECIFIC).regime()).isEqualTo(Regime.UK_GDPR);
    }

    @Test
    void each_bad_field_is_refused_with_its_field_and_nothing_is_written() {
        loginAsOfficer();
        RightsRequests requests = bean(RightsRequests.class);
        int before = dsl.fetchCount(REQUEST);
        RequestForm good = form("DE", RequestType.DELETION);

        assertField(() -> requests.open(new RequestForm(good.channel(), null, good.receivedAt(), "Germany", good.types(), good.requester(),
                good.onBehalf(), null, null, null)), "jurisdiction");
        assertField(() -> requests.open(new RequestForm(good.channel(), null, good.receivedAt(), "DE", EnumSet.noneOf(RequestType.class),
                good.requester(), good.onBehalf(), null, null, null)), "types");
        assertField(() -> requests.open(good.receivedAt(Instant.now().plus(Duration.ofHours(2)))), "receivedAt");
        assertField(() -> requests.open(new RequestForm(good.channel(), null, good.receivedAt(), "DE", good.types(),
                new Requester(" ", "a@b.org", null, null), good.onBehalf(), null, null, null)), "requesterName");
        assertField(() -> requests.open(new RequestForm(good.channel(), null, good.receivedAt(), "DE", good.types(),
                new Requester("Rosa", "rosa-at-example.org", null, null), good.onBehalf(), null, null, null)), "requesterEmail");
        assertField(() -> requests.open(new RequestForm(good.channel(), null, good.receivedAt(), "DE", good.types(),
                new Requester("Rosa", null, null, null), good.onBehalf(), null, null, null)), "requesterEmail");
        assertField(() -> requests.open(new RequestForm(good.channel(), null, good.receivedAt(), "DE", good.types(), good.requester(),
                OnBehalf.AGENT, null, null, null)), "agentName");
        assertField(() -> requests.open(new RequestForm(good.channel(), null, good.receivedAt(), "DE", good.types(), good.requester(),
                OnBehalf.SELF, "Agent Smith", null, null)), "onBehalf");
        assertField(() -> requests.open(new RequestForm(good.channel(), null, good.receivedAt(), "DE", good.types(), good.requester(),
                OnBehalf.SELF, null, null, "x".repeat(10_001))), "details");

        assertThat(dsl.fetchCount(REQUEST)).isEqualTo(before);
    }

    @Test
    void an_error_about_an_email_address_does_not_repeat_the_address() {
        loginAsOfficer();
        RequestForm good = form("DE", RequestType.DELETION);
        assertThatThrownBy(() -> bean(RightsRequests.class).open(new RequestForm(good.channel(), null, good.receivedAt(), "DE", good.types(),
                new Requester("Rosa", "secret-name@@example.org", null, null), good.onBehalf(), null, null, null)))
                .isInstanceOf(InvalidInputException.class).hasMessageNotContaining("secret-name");
    }

    @Test
    void the_queue_filters_by_type_and_text_and_puts_the_soonest_due_first() {
        RightsRequest deletion = open("DE", RequestType.DELETION);
        RightsRequest access = open("DE", RequestType.ACCESS_SPECIFIC);
        dsl.update(REQUEST).set(REQUEST.DUE_AT, Instant.now().plus(Duration.ofDays(3))).where(REQUEST.ID.eq(deletion.id())).execute();
        dsl.update(REQUEST).set(REQUEST.DUE_AT, Instant.now().plus(Duration.ofDays(1))).where(REQUEST.ID.eq(access.id())).execute();
        RightsRequests requests = bean(RightsRequests.class);

        RequestFilter mine = RequestFilter.OPEN.withText(suffix);
        assertThat(requests.page(mine, 0, 10)).extracting(RightsRequest::id).containsExactly(access.id(), deletion.id());
        assertThat(requests.count(mine.withType(RequestType.DELETION))).isEqualTo(1);
        assertThat(requests.page(mine.withText(deletion.reference()), 0, 10)).extracting(RightsRequest::id).containsExactly(deletion.id());
        assertThat(requests.count(mine.withText("100%_" + suffix))).isZero();
    }

    @Test
    void closing_needs_a_reason_unless_complied_with_and_a_closed_request_stays_closed() {
        RightsRequest r = open("DE", RequestType.DELETION);
        RightsRequests requests = bean(RightsRequests.class);

        assertField(() -> requests.close(r.id(), r.version(), Outcome.DENIED, " "), "reason");
        RightsRequest closed = requests.close(r.id(), r.version(), Outcome.DENIED, "Manifestly unfounded: the fifth identical request this month");

        assertThat(closed.status()).isEqualTo(RequestStatus.CLOSED);
        assertThat(closed.closedAt()).isNotNull();
        assertThatThrownBy(() -> requests.close(r.id(), closed.version(), Outcome.COMPLETED, null))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("is closed");
        assertThat(bean(RequestTimeline.class).of(r.id())).extracting(RequestTimeline.Entry::kind)
                .containsSubsequence(RequestTimeline.Kind.RECEIVED, RequestTimeline.Kind.CLOSED).endsWith(RequestTimeline.Kind.CLOSED);
    }

    @Test
    void a_change_on_a_stale_version_is_refused() {
        RightsRequest r = open("DE", RequestType.DELETION);
        bean(RightsRequests.class).assign(r.id(), r.version(), "olivia");

        assertThatThrownBy(() -> bean(RightsRequests.class).assign(r.id(), r.version(), "someone"))
                .isInstanceOf(ConcurrentChangeException.class);
    }

    private static void assertField(org.assertj.core.api.ThrowableAssert.ThrowingCallable call, String field) {
        assertThatThrownBy(call).isInstanceOfSatisfying(InvalidInputException.class,
                e -> assertThat(e.problems()).extracting(InvalidInputException.Problem::field).contains(field));
    }
}
