package dev.steward.console.api;

import dev.steward.platform.security.ApiTokenService;
import dev.steward.platform.security.SignInAudit;
import dev.steward.platform.security.SignInAuthentication;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.web.SecurityFilterChain;

/**
 * {@code /api/**}, a {@linkplain MachineClients machine clients'} chain: every call but the OpenAPI description is
 * authenticated; what each call may do is checked by the services' method security. Runs before the Vaadin chain.
 */
@Configuration
@ConditionalOnWebApplication
class ApiSecurityConfiguration {

    @Bean
    @Order(1)
    SecurityFilterChain apiSecurityFilterChain(HttpSecurity http, ApiTokenService tokens, SignInAudit audit,
                                               SignInAuthentication signIn) throws Exception {
        return MachineClients.chain(http, "/api/**",
                auth -> auth.requestMatchers("/api/openapi.json").permitAll().anyRequest().authenticated(),
                tokens, audit, signIn);
    }
}
