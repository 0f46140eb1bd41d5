package dev.steward.dsr.verification;

import dev.steward.dsr.requests.Outcome;
import dev.steward.dsr.requests.RequestTimeline;
import dev.steward.dsr.requests.RequestType;
import dev.steward.dsr.requests.RightsRequest;
import dev.steward.dsr.requests.RightsRequests;
import dev.steward.platform.validation.InvalidInputException;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class AccessLimitTest extends VerificationTestBase {

    private RightsRequest verifiedAccess(Instant receivedAt, String email) {
        loginAsOfficer();
        var form = form("US-CA", RequestType.ACCESS_CATEGORIES).receivedAt(receivedAt);
        form = new dev.steward.dsr.requests.RequestForm(form.channel(), null, receivedAt, form.jurisdiction(), form.types(),
                new dev.steward.dsr.requests.Requester(requester().name(), email, null, null), form.onBehalf(), null, null, null);
        RightsRequest r = bean(RightsRequests.class).open(form);
        bean(DataPoints.class).confirmByHand(r.id(), PointKind.EMAIL, email, "Replied from it");
        bean(DataPoints.class).confirmByHand(r.id(), PointKind.POSTAL_ADDRESS, "1 Main St", "Matches the last order");
        return bean(Verifications.class).verify(r.id(), r.version(), null);
    }

    @Test
    void the_second_access_request_in_12_months_is_allowed_and_the_third_is_flagged_with_the_earlier_two() {
        Instant now = Instant.now();
        String email = requester().email();
        RightsRequest first = verifiedAccess(now.minus(Duration.ofDays(200)), email);
        RightsRequest second = verifiedAccess(now.minus(Duration.ofDays(100)), email.toUpperCase());
        assertThat(bean(Verifications.class).state(second.id(), null).overLimit()).isEmpty();

        RightsRequest third = verifiedAccess(now.minus(Duration.ofHours(1)), email);

        assertThat(bean(Verifications.class).state(third.id(), null).overLimit())
                .extracting(VerificationState.EarlierRequest::id).containsExactly(first.id(), second.id());
        assertThat(bean(RequestTimeline.class).of(third.id())).last().extracting(RequestTimeline.Entry::line).asString()
                .startsWith("More than two access requests in 12 months").contains(first.reference(), second.reference());
        RightsRequest denied = bean(Refusals.class).deny(third.id(), third.version(), Ground.OVER_LIMIT, "Third request this year");
        assertThat(denied.outcome()).isEqualTo(Outcome.DENIED);
        assertThat(denied.outcomeReason()).isEqualTo("More than two access requests in 12 months: Third request this year");
    }

    @Test
    void a_request_12_months_and_a_day_earlier_does_not_count() {
        Instant now = Instant.now();
        String email = requester().email();
        Instant yearAndADay = now.atOffset(ZoneOffset.UTC).minusMonths(12).minusDays(1).toInstant();
        verifiedAccess(yearAndADay, email);
        verifiedAccess(now.minus(Duration.ofDays(30)), email);

        RightsRequest third = verifiedAccess(now.minus(Duration.ofHours(1)), email);

        assertThat(bean(Verifications.class).state(third.id(), null).overLimit()).isEmpty();
        assertThatThrownBy(() -> bean(Refusals.class).deny(third.id(), third.version(), Ground.OVER_LIMIT, "Too many"))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.problems().getFirst().field()).isEqualTo("ground"));
    }

    @Test
    void a_manifestly_unfounded_request_is_denied_or_charged_only_with_a_reason_on_the_timeline() {
        RightsRequest r = open("DE", RequestType.ACCESS_SPECIFIC);
        Refusals refusals = bean(Refusals.class);

        assertThatThrownBy(() -> refusals.deny(r.id(), r.version(), Ground.MANIFESTLY_UNFOUNDED, " "))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.problems().getFirst().field()).isEqualTo("reason"));
        assertThatThrownBy(() -> refusals.deny(r.id(), r.version(), null, "Why"))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.problems().getFirst().field()).isEqualTo("ground"));
        assertThatThrownBy(() -> refusals.chargeFee(r.id(), Ground.EXCESSIVE, "", "Repeats"))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.problems().getFirst().field()).isEqualTo("fee"));
        refusals.chargeFee(r.id(), Ground.EXCESSIVE, "EUR 25", "The fourth copy of the same data this month");

        RightsRequest denied = refusals.deny(r.id(), r.version(), Ground.MANIFESTLY_UNFOUNDED, "Asks for data of a product we never sold");

        assertThat(denied.outcome()).isEqualTo(Outcome.DENIED);
        assertThat(bean(RequestTimeline.class).of(r.id())).extracting(RequestTimeline.Entry::line)
                .anySatisfy(t -> assertThat(t).startsWith("Fee of EUR 25 asked: Excessive").contains("GDPR Art. 12(5)"))
                .anySatisfy(t -> assertThat(t).startsWith("Refused: Manifestly unfounded").contains("never sold"));
    }
}
