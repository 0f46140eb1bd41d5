package dev.steward.console.session;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.support.StaticListableBeanFactory;
import org.springframework.mock.web.MockFilterChain;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.mock.web.MockHttpSession;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;

import static org.assertj.core.api.Assertions.assertThat;

class SessionLifetimeTest {

    private final MockHttpSession session = new MockHttpSession();

    private boolean sessionSurvivesRequestAt(Duration afterCreation) throws Exception {
        Instant now = Instant.ofEpochMilli(session.getCreationTime()).plus(afterCreation);
        var clocks = new StaticListableBeanFactory();
        clocks.addBean("clock", Clock.fixed(now, ZoneOffset.UTC));
        var filter = new SessionLifetime(clocks.getBeanProvider(Clock.class), Duration.ofHours(12));
        var request = new MockHttpServletRequest("POST", "/");
        request.setSession(session);
        filter.doFilter(request, new MockHttpServletResponse(), new MockFilterChain());
        return !session.isInvalid();
    }

    @Test
    void an_active_session_younger_than_the_maximum_lifetime_goes_on() throws Exception {
        assertThat(sessionSurvivesRequestAt(Duration.ofHours(11).plusMinutes(59))).isTrue();
    }

    @Test
    void a_session_older_than_the_maximum_lifetime_is_ended_however_active() throws Exception {
        assertThat(sessionSurvivesRequestAt(Duration.ofHours(12).plusSeconds(1))).isFalse();
    }
}
