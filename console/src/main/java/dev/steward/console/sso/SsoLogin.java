package dev.steward.console.sso;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.security.authentication.ProviderManager;
import org.springframework.security.config.ObjectPostProcessor;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.oauth2.client.endpoint.RestClientAuthorizationCodeTokenResponseClient;
import org.springframework.security.oauth2.client.oidc.authentication.OidcAuthorizationCodeAuthenticationProvider;
import org.springframework.security.oauth2.client.registration.ClientRegistrationRepository;
import org.springframework.security.oauth2.client.web.OAuth2LoginAuthenticationFilter;
import org.springframework.stereotype.Component;

/**
 * OpenID Connect sign-in beside the form login, on only when a provider is configured
 * ({@code spring.security.oauth2.client.registration.*}, which makes Spring Boot define a
 * {@link ClientRegistrationRepository}); without one the console signs in with passwords only, as before.
 * Only OpenID Connect (scope {@code openid}) signs in: a plain OAuth 2.0 login has no ID token to tie the user to an
 * issuer and subject, and fails with the general message.
 */
@Component
public class SsoLogin {

    private final ObjectProvider<ClientRegistrationRepository> registrations;
    private final StewardOidcUserService users;

    SsoLogin(ObjectProvider<ClientRegistrationRepository> registrations, StewardOidcUserService users) {
        this.registrations = registrations;
        this.users = users;
    }

    public void configure(HttpSecurity http) throws Exception {
        if (registrations.getIfAvailable() == null) {
            return;
        }
        // the chain's authentication manager is the password check's (http.authenticationManager): the callback
        // filter gets its own, which verifies the ID token and hands the user to Steward
        var oidc = new ProviderManager(new OidcAuthorizationCodeAuthenticationProvider(
                new RestClientAuthorizationCodeTokenResponseClient(), users));
        http.oauth2Login(oauth -> oauth
                .loginPage("/login")
                .withObjectPostProcessor(new ObjectPostProcessor<OAuth2LoginAuthenticationFilter>() {
                    @Override
                    public <O extends OAuth2LoginAuthenticationFilter> O postProcess(O filter) {
                        filter.setAuthenticationManager(oidc);
                        return filter;
                    }
                })
                .failureHandler(new SsoSignInFailure()));
    }
}
