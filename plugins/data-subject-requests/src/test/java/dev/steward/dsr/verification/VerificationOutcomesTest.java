package dev.steward.dsr.verification;

import dev.steward.dsr.requests.Outcome;
import dev.steward.dsr.requests.RequestStatus;
import dev.steward.dsr.requests.RequestTimeline;
import dev.steward.dsr.requests.RequestType;
import dev.steward.dsr.requests.RightsRequest;
import dev.steward.dsr.requests.RightsRequests;
import dev.steward.platform.validation.InvalidInputException;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class VerificationOutcomesTest extends VerificationTestBase {

    private final java.util.List<RequestVerified> heard = new java.util.concurrent.CopyOnWriteArrayList<>();
    private final org.springframework.context.ApplicationListener<org.springframework.context.ApplicationEvent> listener = event -> {
        if (event instanceof org.springframework.context.PayloadApplicationEvent<?> p && p.getPayload() instanceof RequestVerified verified) {
            heard.add(verified);
        }
    };

    @org.junit.jupiter.api.BeforeEach
    void listen() {
        plugin().addApplicationListener(listener);
    }

    @org.junit.jupiter.api.AfterEach
    void stopListening() {
        plugin().removeApplicationListener(listener);
    }

    private org.springframework.context.ConfigurableApplicationContext plugin() {
        return (org.springframework.context.ConfigurableApplicationContext) registry.contextOf(dev.steward.dsr.DsrPermissions.PLUGIN_ID).orElseThrow();
    }

    @Test
    void two_matched_points_verify_a_ccpa_request_for_categories_and_fulfilment_hears_of_it() {
        rosaInDirectory();
        RightsRequest r = open("US-CA", RequestType.ACCESS_CATEGORIES);
        bean(DataPoints.class).record(r.id(), PointKind.EMAIL, requester().email());
        assertThat(bean(Verifications.class).state(r.id(), null).missing()).singleElement().asString().contains("1 more matched data point");
        bean(DataPoints.class).record(r.id(), PointKind.NAME, requester().name().toLowerCase());

        RightsRequest verified = bean(Verifications.class).verify(r.id(), r.version(), null);

        assertThat(verified.status()).isEqualTo(RequestStatus.IN_PROGRESS);
        assertThat(verified.subjectPersonId()).isNotNull();
        assertThat(bean(RequestTimeline.class).of(r.id())).last().satisfies(e -> {
            assertThat(e.kind()).isEqualTo(RequestTimeline.Kind.VERIFICATION);
            assertThat(e.line()).startsWith("Verified under California CCPA/CPRA · Access: categories of data v").contains("2 of 2 data points matched");
        });
        assertThat(bean(Verifications.class).state(r.id(), null).decision().decision()).isEqualTo("VERIFIED");
        assertThat(heard).contains(new RequestVerified(r.id()));
    }

    @Test
    void specific_pieces_need_three_points_and_a_signed_declaration_and_are_refused_without_it() {
        rosaInDirectory();
        RightsRequest r = open("US-CA", RequestType.ACCESS_SPECIFIC);
        threeMatchingPoints(r.id());

        assertThatThrownBy(() -> bean(Verifications.class).verify(r.id(), r.version(), null))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("signed declaration under penalty of perjury");
        assertThat(bean(RightsRequests.class).find(r.id()).orElseThrow().status()).isEqualTo(RequestStatus.AWAITING_VERIFICATION);

        fileProof(r.id(), Proof.DECLARATION);
        assertThat(bean(Verifications.class).verify(r.id(), r.version(), null).status()).isEqualTo(RequestStatus.IN_PROGRESS);
    }

    @Test
    void points_matching_different_people_do_not_add_up_and_by_hand_points_count_with_a_reason() {
        rosaInDirectory();
        RightsRequest r = open("US-CA", RequestType.ACCESS_CATEGORIES);
        bean(DataPoints.class).record(r.id(), PointKind.EMAIL, requester().email());
        DataPoint stranger = bean(DataPoints.class).record(r.id(), PointKind.NAME, "Nobody Known " + suffix);
        assertThat(stranger.matched()).isFalse();
        assertThat(bean(Verifications.class).state(r.id(), null).pointsMatched()).isEqualTo(1);

        assertThatThrownBy(() -> bean(DataPoints.class).confirmByHand(r.id(), PointKind.PHONE, "+1 555 0100", " "))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.problems().getFirst().field()).isEqualTo("reason"));
        DataPoint phone = bean(DataPoints.class).confirmByHand(r.id(), PointKind.PHONE, "+1 555 0100", "Called back on the number in the CRM");

        assertThat(phone.source()).isEqualTo(PointSource.BY_HAND);
        assertThat(phone.matchedAgainst()).isEqualTo("Confirmed by olivia");
        assertThat(bean(Verifications.class).state(r.id(), null).canVerify()).isTrue();
    }

    @Test
    void a_matched_point_records_its_source_and_what_it_matched() {
        rosaInDirectory();
        RightsRequest r = open("DE", RequestType.ACCESS_SPECIFIC);
        DataPoint email = bean(DataPoints.class).record(r.id(), PointKind.EMAIL, requester().email().toUpperCase());

        assertThat(email.matched()).isTrue();
        assertThat(email.source()).isEqualTo(PointSource.PEOPLE_DIRECTORY);
        assertThat(email.matchedAgainst()).isEqualTo("Person E-" + suffix + " (" + requester().name() + ")");
        assertThat(email.recordedBy()).isEqualTo("olivia");
        assertThat(bean(RequestTimeline.class).of(r.id())).last().extracting(RequestTimeline.Entry::line)
                .isEqualTo("Email address matched in people directory");
    }

    @Test
    void an_agent_without_proof_is_refused_and_signed_permission_also_needs_the_consumer_to_confirm() {
        rosaInDirectory();
        loginAsOfficer();
        RightsRequest r = bean(RightsRequests.class).open(form("US-CA", RequestType.ACCESS_CATEGORIES).throughAgent("Agent Smith", null));
        bean(DataPoints.class).record(r.id(), PointKind.EMAIL, requester().email());
        bean(DataPoints.class).record(r.id(), PointKind.NAME, requester().name());
        Verifications verifications = bean(Verifications.class);

        assertThatThrownBy(() -> verifications.verify(r.id(), r.version(), null)).isInstanceOfSatisfying(InvalidInputException.class,
                e -> assertThat(e.problems().getFirst().field()).isEqualTo("authority"));
        assertThatThrownBy(() -> verifications.verify(r.id(), r.version(), AgentAuthority.SIGNED_PERMISSION))
                .hasMessageContaining("agent's signed permission").hasMessageContaining("consumer's own confirmation");
        fileProof(r.id(), Proof.AGENT_PROOF);
        assertThatThrownBy(() -> verifications.verify(r.id(), r.version(), AgentAuthority.SIGNED_PERMISSION))
                .hasMessageNotContaining("agent's signed permission").hasMessageContaining("consumer's own confirmation");
        fileProof(r.id(), Proof.CONSUMER_CONFIRMATION);

        assertThat(verifications.verify(r.id(), r.version(), AgentAuthority.SIGNED_PERMISSION).status()).isEqualTo(RequestStatus.IN_PROGRESS);
    }

    @Test
    void a_power_of_attorney_stands_in_for_the_consumers_confirmation() {
        rosaInDirectory();
        loginAsOfficer();
        RightsRequest r = bean(RightsRequests.class).open(form("US-CA", RequestType.DELETION).throughAgent("Counsel LLP", null));
        threeMatchingPoints(r.id());
        fileProof(r.id(), Proof.AGENT_PROOF);

        assertThat(bean(Verifications.class).state(r.id(), AgentAuthority.POWER_OF_ATTORNEY).missing()).isEmpty();
        assertThat(bean(Verifications.class).verify(r.id(), r.version(), AgentAuthority.POWER_OF_ATTORNEY).status())
                .isEqualTo(RequestStatus.IN_PROGRESS);
        assertThat(bean(Verifications.class).state(r.id(), null).decision().agentAuthority()).isEqualTo(AgentAuthority.POWER_OF_ATTORNEY);
    }

    @Test
    void an_unverified_ccpa_deletion_becomes_an_opt_out_with_the_policy_reason() {
        RightsRequest r = open("US-CA", RequestType.DELETION);

        RightsRequest closed = bean(Verifications.class).fail(r.id(), r.version(), "Only an email given; no answer to two requests for more");

        assertThat(closed.outcome()).isEqualTo(Outcome.TREATED_AS_OPT_OUT);
        assertThat(closed.outcomeReason()).contains("treated as a request to opt out");
        assertThat(bean(Verifications.class).state(r.id(), null).decision().reason()).startsWith("Only an email given");
    }

    @Test
    void an_unverified_gdpr_request_closes_as_unverified_and_failing_needs_a_note() {
        RightsRequest r = open("DE", RequestType.DELETION);
        assertThatThrownBy(() -> bean(Verifications.class).fail(r.id(), r.version(), ""))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.problems().getFirst().field()).isEqualTo("note"));

        RightsRequest closed = bean(Verifications.class).fail(r.id(), r.version(), "The address given is not one we know");

        assertThat(closed.outcome()).isEqualTo(Outcome.UNVERIFIED);
        assertThat(closed.outcomeReason()).contains("reasonable means");
    }

    @Test
    void a_ccpa_opt_out_of_sale_needs_no_verification_and_starts_at_once() {
        RightsRequest r = open("US-CA", RequestType.OPT_OUT_SALE);

        assertThat(r.status()).isEqualTo(RequestStatus.IN_PROGRESS);
        assertThat(bean(RequestTimeline.class).of(r.id())).extracting(RequestTimeline.Entry::line)
                .anySatisfy(t -> assertThat(t).startsWith("No verification needed").contains("11 CCR 7026"));
        assertThat(bean(Verifications.class).verifyIfNotNeeded(open("US-CA", RequestType.DELETION).id())).isFalse();
    }

    @Test
    void a_verified_request_cannot_be_verified_again_or_take_more_points() {
        rosaInDirectory();
        RightsRequest r = open("US-CA", RequestType.ACCESS_CATEGORIES);
        bean(DataPoints.class).record(r.id(), PointKind.EMAIL, requester().email());
        bean(DataPoints.class).record(r.id(), PointKind.NAME, requester().name());
        RightsRequest verified = bean(Verifications.class).verify(r.id(), r.version(), null);

        assertThatThrownBy(() -> bean(Verifications.class).verify(r.id(), verified.version(), null)).isInstanceOf(InvalidInputException.class);
        assertThatThrownBy(() -> bean(DataPoints.class).record(r.id(), PointKind.PHONE, "1")).hasMessageContaining("no longer awaiting");
        assertThatThrownBy(() -> bean(DataPoints.class).record(r.id(), null, "1")).isInstanceOf(InvalidInputException.class);
    }

    @Test
    void an_admin_changes_a_rule_as_a_new_version_with_a_reason_and_bad_rules_are_refused() {
        loginAsOfficer();
        VerificationRules rules = bean(VerificationRules.class);
        VerificationRule before = rules.current(dev.steward.dsr.requests.Regime.LGPD, RequestType.CORRECTION).orElseThrow();

        assertThatThrownBy(() -> rules.change(RuleForm.of(before, " "))).isInstanceOfSatisfying(InvalidInputException.class,
                e -> assertThat(e.problems().getFirst().field()).isEqualTo("changeReason"));
        assertThatThrownBy(() -> rules.change(RuleForm.of(before, "x").withPoints(11))).isInstanceOf(InvalidInputException.class);
        VerificationRule after = rules.change(RuleForm.of(before, "Counsel asks for three points").withPoints(3));

        assertThat(after.version()).isEqualTo(before.version() + 1);
        assertThat(after.changedBy()).isEqualTo("olivia");
        assertThat(rules.history(dev.steward.dsr.requests.Regime.LGPD, RequestType.CORRECTION)).first().satisfies(newest -> {
            assertThat(newest.id()).isEqualTo(after.id());
            assertThat(newest.pointsRequired()).isEqualTo(3);
            assertThat(newest.changeReason()).isEqualTo("Counsel asks for three points");
        });
        assertThatThrownBy(() -> rules.change(RuleForm.of(before, "On the old version")))
                .isInstanceOf(dev.steward.platform.validation.ConcurrentChangeException.class);
        assertThatThrownBy(() -> rules.change(new RuleForm(after.regime(), after.type(), after.version(), 2, false, true, true, true, true,
                FailureAction.TREAT_AS_OPT_OUT, "x", "y", "z"))).isInstanceOfSatisfying(InvalidInputException.class,
                e -> assertThat(e.problems().getFirst().field()).isEqualTo("onFailure"));
        rules.change(RuleForm.of(after, "Back to two").withPoints(before.pointsRequired()));
    }

    @Test
    void a_parent_needs_proof_of_parental_responsibility() {
        rosaInDirectory();
        loginAsOfficer();
        var form = form("DE", RequestType.ACCESS_CATEGORIES);
        RightsRequest r = bean(RightsRequests.class).open(new dev.steward.dsr.requests.RequestForm(form.channel(), null, form.receivedAt(), "DE",
                form.types(), form.requester(), dev.steward.dsr.requests.OnBehalf.PARENT, "Maria Diaz", null, null));
        bean(DataPoints.class).record(r.id(), PointKind.EMAIL, requester().email());
        bean(DataPoints.class).record(r.id(), PointKind.NAME, requester().name());

        assertThat(bean(Verifications.class).state(r.id(), null).missing()).containsExactly("proof of parental responsibility");
        fileProof(r.id(), Proof.PARENT_PROOF);
        assertThat(bean(Verifications.class).verify(r.id(), r.version(), null).status()).isEqualTo(RequestStatus.IN_PROGRESS);
    }

    @Test
    void a_point_matching_several_people_identifies_nobody_and_a_stale_verification_is_refused() {
        rosaInDirectory();
        dsl.insertInto(dev.steward.platform.db.generated.Tables.PERSON).set(dev.steward.platform.db.generated.Tables.PERSON.EMPLOYEE_ID, "E2-" + suffix)
                .set(dev.steward.platform.db.generated.Tables.PERSON.FULL_NAME, requester().name()).execute();
        RightsRequest r = open("DE", RequestType.ACCESS_CATEGORIES);

        DataPoint name = bean(DataPoints.class).record(r.id(), PointKind.NAME, requester().name());
        assertThat(name.matched()).isFalse();
        assertThat(bean(RequestTimeline.class).of(r.id())).last().extracting(RequestTimeline.Entry::line)
                .isEqualTo("Full name given: matches several people, not counted");

        bean(DataPoints.class).record(r.id(), PointKind.EMAIL, requester().email());
        bean(DataPoints.class).record(r.id(), PointKind.EMPLOYEE_ID, "E-" + suffix);
        bean(RightsRequests.class).assign(r.id(), r.version(), "olivia");
        assertThatThrownBy(() -> bean(Verifications.class).verify(r.id(), r.version(), null))
                .isInstanceOf(dev.steward.platform.validation.ConcurrentChangeException.class);
    }

}
