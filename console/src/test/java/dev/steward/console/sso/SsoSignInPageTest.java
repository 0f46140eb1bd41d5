package dev.steward.console.sso;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.login.LoginForm;
import com.vaadin.flow.router.QueryParameters;
import com.vaadin.flow.server.VaadinSession;
import dev.steward.testkit.console.KaribuTest;
import dev.steward.platform.security.sso.SsoSignInRefusedException;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.client.registration.ClientRegistrationRepository;
import org.springframework.security.web.WebAttributes;

import java.util.HashMap;
import java.util.Map;

import static com.github.mvysny.kaributesting.v10.LocatorJ._find;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The sign-in page of a console without a provider (the default): no single sign-on link, form login as before; and
 * what it says after a single sign-on failed, never "Check your user name and password".
 */
class SsoSignInPageTest extends KaribuTest {

    @Autowired
    SsoProviders providers;
    @Autowired
    org.springframework.context.ApplicationContext context;

    private String errorAfter(Exception reason) {
        VaadinSession.getCurrent().getSession().setAttribute(WebAttributes.AUTHENTICATION_EXCEPTION, reason);
        Map<String, String> query = new HashMap<>();
        query.put("error", "");
        query.put(SsoSignInFailure.QUERY_PARAMETER, "");
        UI.getCurrent().navigate("login", QueryParameters.simple(query));
        LoginForm form = _get(LoginForm.class);
        assertThat(form.isError()).isTrue();
        return String.valueOf(form.getElement().getPropertyRaw("i18n"));
    }

    @Test
    void without_a_provider_the_sign_in_page_has_no_single_sign_on_and_no_oauth2_client() {
        assertThat(context.getBeanProvider(ClientRegistrationRepository.class).getIfAvailable()).isNull();
        assertThat(providers.configured()).isFalse();
        UI.getCurrent().navigate("login");
        assertThat(_find(Anchor.class)).noneMatch(a -> a.getHref().contains("oauth2"));
        assertThat(_get(LoginForm.class).isVisible()).isTrue();
    }

    @Test
    void steward_refusing_a_single_sign_on_says_why() {
        assertThat(errorAfter(new SsoSignInRefusedException(SsoSignInRefusedException.Reason.DEACTIVATED,
                "Your Steward account is deactivated. Ask an administrator if you need access again.")))
                .contains("Your Steward account is deactivated").doesNotContain("Check your user name and password");
    }

    @Test
    void a_single_sign_on_failing_otherwise_gets_a_general_message_without_details() {
        assertThat(errorAfter(new OAuth2AuthenticationException(new OAuth2Error("invalid_id_token", "secret internals", null))))
                .contains("identity provider did not complete").doesNotContain("secret internals")
                .doesNotContain("Check your user name and password");
    }
}
