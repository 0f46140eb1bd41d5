package dev.steward.console.ui;

import dev.steward.console.ops.OutageAwareAuthentication;
import dev.steward.console.sso.SsoLogin;
import dev.steward.console.ui.shell.LoginView;
import dev.steward.platform.security.SignInAuthentication;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configuration.EnableWebSecurity;
import org.springframework.security.config.ObjectPostProcessor;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.header.HeaderWriterFilter;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter.ReferrerPolicy;
import org.springframework.security.web.header.writers.StaticHeadersWriter;
import com.vaadin.flow.spring.security.VaadinSecurityConfigurer;

/**
 * Form login on the Vaadin login view, throttled and with one-time passwords good for the password change only
 * ({@link SignInAuthentication#forConsole()}); every view needs an access annotation, and plugin views a permission
 * too. The browser is told to run only the console's own code, never inside a frame, and to send no referrer off
 * the site.
 */
@Configuration
@EnableWebSecurity
@ConditionalOnWebApplication // the command-line tools (verify-audit) start without a web server
class SecurityConfiguration {

    /**
     * What Vaadin Flow needs: its bootstrap page has inline scripts and the client runs the server's JavaScript
     * calls through {@code new Function} ('unsafe-eval'); components set inline styles. Everything else is locked
     * to the console's own origin.
     */
    static final String CONTENT_SECURITY_POLICY = "default-src 'self'; script-src 'self' 'unsafe-inline' 'unsafe-eval'; "
            + "style-src 'self' 'unsafe-inline'; img-src 'self' data: blob:; font-src 'self' data:; connect-src 'self'; "
            + "object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'none'";

    @Bean
    SecurityFilterChain securityFilterChain(HttpSecurity http, SignInAuthentication signIn, SsoLogin sso) throws Exception {
        http.authorizeHttpRequests(auth -> auth.requestMatchers("/styles/**").permitAll()
                // the dashboard's chart library (platform Chart): for signed-in users, who are the only ones with charts
                .requestMatchers("/webjars/**").authenticated());
        http.authenticationManager(OutageAwareAuthentication.of(signIn.forConsole())); // a database outage is no wrong password
        http.headers(headers -> headers
                // Vaadin writes its pages past the response wrapper that would add the headers on commit
                .withObjectPostProcessor(new ObjectPostProcessor<HeaderWriterFilter>() {
                    @Override
                    public <O extends HeaderWriterFilter> O postProcess(O filter) {
                        filter.setShouldWriteHeadersEagerly(true);
                        return filter;
                    }
                })
                .contentSecurityPolicy(csp -> csp.policyDirectives(CONTENT_SECURITY_POLICY))
                .referrerPolicy(referrer -> referrer.policy(ReferrerPolicy.SAME_ORIGIN))
                .frameOptions(frame -> frame.deny())
                .addHeaderWriter(new StaticHeadersWriter("Permissions-Policy", "camera=(), microphone=(), geolocation=(), payment=()")));
        sso.configure(http); // OpenID Connect sign-in beside the form, when a provider is configured
        // Vaadin denies any other request by default, so a signed-in user's mistyped address got a bare 403; let it
        // reach the router, which shows the console's own not-found page (NotFoundView, 404). The API and actuator
        // paths have chains of their own, and every view still needs its access annotation.
        return http.with(VaadinSecurityConfigurer.vaadin(), vaadin -> vaadin.loginView(LoginView.class)
                .anyRequest(url -> url.authenticated())).build();
    }
}
