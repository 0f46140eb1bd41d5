package dev.steward.console.security;

import dev.steward.platform.security.Role;
import dev.steward.platform.security.SignedInSessions;
import dev.steward.platform.security.UserAccountService;
import org.junit.jupiter.api.Test;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.ApplicationContext;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.boot.web.servlet.ServletRegistrationBean;
import com.vaadin.flow.server.VaadinServlet;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

import java.util.EnumSet;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Issue 12, defect 6: an account change that takes access away ends the user's open sessions at once. Signs in
 * through the real login form and checks, with the session cookie, whether the console still knows the user.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class SessionEndAttackTest {

    private static final String PASSWORD = "session-test-passphrase";

    @LocalServerPort
    int port;
    @Autowired
    UserAccountService users;
    @Autowired
    ApplicationContext context;
    @Autowired
    SignedInSessions sessions;

    private ConsoleHttp signedIn(String username) throws Exception {
        ConsoleHttp browser = new ConsoleHttp(port, null);
        browser.signIn(username, PASSWORD);
        assertThat(browser.isSignedIn()).as(username + " is signed in").isTrue();
        return browser;
    }

    @Test
    void a_deactivated_users_open_session_is_gone() throws Exception {
        TestUsers admin = new TestUsers(context);
        admin.createWithPassword("leaver", Role.MANAGER, PASSWORD);
        ConsoleHttp browser = signedIn("leaver");
        assertThat(sessions.signedInUsers()).contains("leaver");

        var account = admin.find("leaver");
        admin.asAdmin(() -> {
            users.setActive(account.id(), account.version(), false);
            return null;
        });
        assertThat(sessions.signedInUsers()).doesNotContain("leaver");
        assertThat(browser.isSignedIn()).isFalse();
    }

    @Test
    void removing_a_role_or_resetting_the_password_ends_the_users_sessions() throws Exception {
        TestUsers admin = new TestUsers(context);
        admin.createWithPassword("demoted", Role.PRIVACY_OFFICER, PASSWORD);
        ConsoleHttp first = signedIn("demoted");
        var account = admin.find("demoted");
        admin.asAdmin(() -> {
            users.update(account.id(), account.version(), "demoted", null, EnumSet.of(Role.AUDITOR));
            return null;
        });
        assertThat(first.isSignedIn()).isFalse();

        ConsoleHttp second = signedIn("demoted");
        var changed = admin.find("demoted");
        admin.asAdmin(() -> users.resetPassword(changed.id(), changed.version()));
        assertThat(second.isSignedIn()).isFalse();
    }

    @Test
    void an_administrator_signs_a_user_out_everywhere_and_the_account_stays_usable() throws Exception {
        TestUsers admin = new TestUsers(context);
        admin.createWithPassword("lost-laptop", Role.MANAGER, PASSWORD);
        ConsoleHttp laptop = signedIn("lost-laptop");
        ConsoleHttp phone = signedIn("lost-laptop");

        var account = admin.find("lost-laptop");
        admin.asAdmin(() -> {
            users.endSessions(account.id());
            return null;
        });

        assertThat(laptop.isSignedIn()).isFalse();
        assertThat(phone.isSignedIn()).isFalse();
        assertThat(signedIn("lost-laptop").isSignedIn()).as("the account itself is untouched").isTrue();
    }

    @Test
    void a_user_without_the_user_administration_permission_cannot_end_anyones_sessions() throws Exception {
        TestUsers admin = new TestUsers(context);
        admin.createWithPassword("target", Role.MANAGER, PASSWORD);
        ConsoleHttp target = signedIn("target");
        var account = admin.find("target");

        SecurityContextHolder.getContext().setAuthentication(UsernamePasswordAuthenticationToken.authenticated(
                "intruder", null, List.of(new SimpleGrantedAuthority(Role.PRIVACY_OFFICER.authority()))));
        try {
            assertThatThrownBy(() -> users.endSessions(account.id())).isInstanceOf(AccessDeniedException.class);
        } finally {
            SecurityContextHolder.clearContext();
        }
        assertThat(target.isSignedIn()).isTrue();
    }

    @Autowired
    List<ServletRegistrationBean<?>> servlets;

    @Test
    void the_heartbeat_of_an_open_page_does_not_keep_an_idle_session_alive() throws Exception {
        new ConsoleHttp(port, null).get("/login"); // starts the Vaadin servlet
        VaadinServlet vaadin = servlets.stream().map(ServletRegistrationBean::getServlet)
                .filter(VaadinServlet.class::isInstance).map(VaadinServlet.class::cast).findFirst().orElseThrow();
        assertThat(vaadin.getService().getDeploymentConfiguration().isCloseIdleSessions()).isTrue();
    }

    @Test
    void changing_ones_own_password_keeps_this_session_and_ends_the_others() throws Exception {
        TestUsers admin = new TestUsers(context);
        admin.createWithPassword("mover", Role.MANAGER, PASSWORD);
        ConsoleHttp laptop = signedIn("mover");
        ConsoleHttp forgottenKiosk = signedIn("mover");

        // the change happens in a request of the laptop's session
        var request = new MockHttpServletRequest();
        request.setSession(new MockHttpSession(null, laptop.sessionId().orElseThrow()));
        RequestContextHolder.setRequestAttributes(new ServletRequestAttributes(request));
        try {
            admin.changeOwnPassword("mover", PASSWORD, "mover-new-passphrase");
        } finally {
            RequestContextHolder.resetRequestAttributes();
        }
        assertThat(laptop.isSignedIn()).isTrue();
        assertThat(forgottenKiosk.isSignedIn()).isFalse();
    }
}
