package dev.steward.dsr.sample;

import dev.steward.dsr.DsrTestBase;
import dev.steward.dsr.requests.Channel;
import dev.steward.dsr.requests.OnBehalf;
import dev.steward.dsr.requests.RequestFilter;
import dev.steward.dsr.requests.RequestStatus;
import dev.steward.dsr.requests.RightsRequest;
import dev.steward.dsr.requests.RightsRequests;
import dev.steward.platform.sample.SampleInstall;
import dev.steward.platform.security.Role;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.test.context.TestPropertySource;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** A demo start with the rights-requests plugin: coherent sample requests, made through the plugin's services. */
@TestPropertySource(properties = "steward.demo=true")
class DsrSampleDataTest extends DsrTestBase {

    private List<RightsRequest> requests;

    @BeforeEach
    void signInAsThePrivacyOfficer() {
        loginAs("priya", Role.PRIVACY_OFFICER);
        requests = bean(RightsRequests.class).page(RequestFilter.ALL, 0, 100);
    }

    @Test
    void the_requests_were_loaded_once_and_marked_as_sample_data() {
        assertThat(bean(SampleInstall.class).loadedModules()).contains(SampleInstall.HOST, "dsr");
        assertThat(requests).hasSizeGreaterThanOrEqualTo(9);
    }

    @Test
    void open_and_closed_requests_by_several_channels_laws_and_an_agent_appear() {
        assertThat(requests).extracting(RightsRequest::status).contains(RequestStatus.values());
        assertThat(requests).extracting(RightsRequest::channel).contains(Channel.WEB, Channel.EMAIL, Channel.POST, Channel.PHONE);
        assertThat(requests).extracting(r -> r.regime().name()).contains("CCPA", "GDPR", "UK_GDPR", "VCDPA");
        assertThat(requests).extracting(RightsRequest::onBehalf).contains(OnBehalf.AGENT);
        assertThat(requests).filteredOn(r -> !r.open()).extracting(RightsRequest::outcome).hasSize(4).doesNotHaveDuplicates();
    }

    @Test
    void the_policy_promise_of_30_days_decides_the_due_date_of_a_california_request() {
        RightsRequest california = requests.stream().filter(r -> r.open() && r.jurisdiction().equals("US-CA")).findFirst().orElseThrow();
        assertThat(java.time.Duration.between(california.receivedAt(), california.dueAt()).toDays()).isBetween(29L, 31L);
    }

    @Test
    void two_published_mailboxes_feed_the_queue() {
        assertThat(bean(dev.steward.dsr.intake.Mailboxes.class).list()).hasSize(2);
    }

    @Test
    void closed_requests_were_answered_after_they_arrived() {
        assertThat(requests).filteredOn(r -> !r.open()).allMatch(r -> r.closedAt().isAfter(r.receivedAt()));
    }
}
