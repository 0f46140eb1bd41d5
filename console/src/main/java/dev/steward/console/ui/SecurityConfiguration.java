package dev.steward.console.ui;

import dev.steward.console.ui.shell.LoginView;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configuration.EnableWebSecurity;
import org.springframework.security.web.SecurityFilterChain;
import com.vaadin.flow.spring.security.VaadinSecurityConfigurer;

/** Form login on the Vaadin login view; every view needs an access annotation, and plugin views a permission too. */
@Configuration
@EnableWebSecurity
@ConditionalOnWebApplication // the command-line tools (verify-audit) start without a web server
class SecurityConfiguration {

    @Bean
    SecurityFilterChain securityFilterChain(HttpSecurity http) throws Exception {
        http.authorizeHttpRequests(auth -> auth.requestMatchers("/styles/**").permitAll());
        return http.with(VaadinSecurityConfigurer.vaadin(), vaadin -> vaadin.loginView(LoginView.class)).build();
    }
}
