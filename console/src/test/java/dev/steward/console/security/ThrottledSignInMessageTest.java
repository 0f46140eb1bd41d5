package dev.steward.console.security;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.login.LoginForm;
import com.vaadin.flow.router.QueryParameters;
import com.vaadin.flow.server.VaadinSession;
import dev.steward.testkit.console.KaribuTest;
import dev.steward.platform.security.SignInThrottledException;
import org.junit.jupiter.api.Test;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.web.WebAttributes;

import java.time.Duration;
import java.util.Map;

import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.assertj.core.api.Assertions.assertThat;

/** What the login page says after a refused sign-in: when to try again if throttled, never whether the account exists. */
class ThrottledSignInMessageTest extends KaribuTest {

    private String errorAfter(Exception reason) {
        VaadinSession.getCurrent().getSession().setAttribute(WebAttributes.AUTHENTICATION_EXCEPTION, reason);
        UI.getCurrent().navigate("login", QueryParameters.simple(Map.of("error", "")));
        LoginForm form = _get(LoginForm.class);
        assertThat(form.isError()).isTrue();
        return String.valueOf(form.getElement().getPropertyRaw("i18n")); // what the browser gets
    }

    @Test
    void a_throttled_sign_in_is_told_when_to_try_again() {
        assertThat(errorAfter(new SignInThrottledException(Duration.ofMinutes(4)))).contains("Too many attempts, try again in 4 minutes");
    }

    @Test
    void a_wrong_password_or_an_unknown_user_gets_the_same_plain_message_without_locking_talk() {
        assertThat(errorAfter(new BadCredentialsException("Bad credentials"))).contains("Check your user name and password.")
                .doesNotContain("locked").doesNotContain("Too many");
    }
}
