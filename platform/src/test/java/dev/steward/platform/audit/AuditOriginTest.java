package dev.steward.platform.audit;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class AuditOriginTest {

    private final MockHttpServletRequest request = new MockHttpServletRequest();

    @AfterEach
    void clear() {
        RequestContextHolder.resetRequestAttributes();
        SecurityContextHolder.clearContext();
    }

    private AuditOrigin inRequest() {
        RequestContextHolder.setRequestAttributes(new ServletRequestAttributes(request));
        return AuditOrigin.current();
    }

    private void signIn(String user) {
        SecurityContextHolder.getContext().setAuthentication(UsernamePasswordAuthenticationToken.authenticated(user, null, List.of()));
    }

    @Test
    void the_audit_session_is_a_random_id_and_never_the_servlet_session_id() {
        var session = new MockHttpSession(null, "4D2F8A1C9B0E7D6A5F3C2B1A0E9D8C7B");
        request.setSession(session);
        signIn("alice");
        String id = inRequest().auditSession();
        assertThat(id).isNotEqualTo(session.getId()).doesNotContain(session.getId()).matches("[A-Za-z0-9_-]{22}");
        assertThat(inRequest().auditSession()).as("stable for the sitting").isEqualTo(id);
    }

    @Test
    void signing_in_gives_the_sitting_a_new_audit_session() {
        request.getSession(true);
        String beforeSignIn = inRequest().auditSession();
        signIn("alice");
        String signedIn = inRequest().auditSession();
        assertThat(signedIn).isNotNull().isNotEqualTo(beforeSignIn);
        assertThat(AuditOrigin.current("alice").auditSession()).as("a sign-in entry names the signed-in sitting").isEqualTo(signedIn);
    }

    @Test
    void without_a_session_there_is_no_audit_session() {
        assertThat(inRequest().auditSession()).isNull();
    }
}
