package dev.steward.platform.security;

import org.springframework.security.authentication.AuthenticationManager;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.web.authentication.WebAuthenticationDetails;

/** Sign-in attempts as the servlet filters make them: a user name, a password and the caller's address. */
final class SignInTestSupport {

    private SignInTestSupport() {
    }

    static Authentication attempt(AuthenticationManager manager, String username, String password, String from) {
        var token = UsernamePasswordAuthenticationToken.unauthenticated(username, password);
        token.setDetails(new WebAuthenticationDetails(from, null));
        return manager.authenticate(token);
    }
}
