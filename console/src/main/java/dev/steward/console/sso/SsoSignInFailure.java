package dev.steward.console.sso;

import dev.steward.platform.security.sso.SsoSignInRefusedException;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.web.authentication.SimpleUrlAuthenticationFailureHandler;

import java.io.IOException;

/**
 * A single sign-on that did not complete lands on the sign-in page ({@link #URL}) with a message saying so: Steward's
 * own refusal as it is, anything else (a state that does not match, a token that does not verify, the provider
 * unreachable) as a general message, with the details in the log only.
 */
public final class SsoSignInFailure extends SimpleUrlAuthenticationFailureHandler {

    /** The sign-in page, told that the failure was a single sign-on's. */
    public static final String URL = "/login?error&sso";
    public static final String QUERY_PARAMETER = "sso";
    static final String GENERAL = "Sign-in through your identity provider did not complete. Try again; if it keeps "
            + "failing, ask an administrator (the console's log says why).";

    private static final Logger log = LoggerFactory.getLogger(SsoSignInFailure.class);

    SsoSignInFailure() {
        super(URL);
    }

    @Override
    public void onAuthenticationFailure(HttpServletRequest request, HttpServletResponse response, AuthenticationException failure)
            throws IOException, ServletException {
        if (!(failure instanceof SsoSignInRefusedException)) {
            String error = failure instanceof OAuth2AuthenticationException oauth ? oauth.getError().toString() : failure.toString();
            log.warn("Single sign-on from {} failed: {}", request.getRemoteAddr(), error);
        }
        super.onAuthenticationFailure(request, response, failure);
    }

    /** What the sign-in page says about the failure the session holds. */
    public static String messageFor(Object failure) {
        return failure instanceof SsoSignInRefusedException refused ? refused.getMessage() : GENERAL;
    }
}
