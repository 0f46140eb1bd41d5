package dev.steward.console.ops;

import dev.steward.console.api.MachineClients;
import dev.steward.platform.security.ApiTokenService;
import dev.steward.platform.security.PlatformPermissions;
import dev.steward.platform.security.SignInAudit;
import dev.steward.platform.security.SignInAuthentication;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.web.SecurityFilterChain;

/**
 * {@code /actuator/**}, a {@linkplain MachineClients machine clients'} chain before the Vaadin one: the health probes
 * answer anyone (details only to holders of {@link PlatformPermissions#METRICS_READ}, see application.properties); the
 * Prometheus scrape needs that permission, as an API token or HTTP Basic. Anything else under {@code /actuator} is
 * refused (those endpoints are not exposed anyway). A scraper gets no session.
 */
@Configuration
@ConditionalOnWebApplication
class OpsSecurityConfiguration {

    @Bean
    @Order(2)
    SecurityFilterChain actuatorSecurityFilterChain(HttpSecurity http, ApiTokenService tokens, SignInAudit audit,
                                                    SignInAuthentication signIn) throws Exception {
        return MachineClients.chain(http, "/actuator/**", auth -> auth
                        .requestMatchers("/actuator/health", "/actuator/health/**").permitAll()
                        .requestMatchers("/actuator/prometheus").hasAuthority(PlatformPermissions.METRICS_READ)
                        .anyRequest().denyAll(),
                tokens, audit, signIn);
    }
}
