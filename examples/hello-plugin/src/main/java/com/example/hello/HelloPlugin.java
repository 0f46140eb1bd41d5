package com.example.hello;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import dev.steward.platform.security.Role;
import dev.steward.platform.spi.Permission;
import dev.steward.platform.spi.PermissionSet;
import dev.steward.platform.spi.ui.DashboardWidget;
import dev.steward.platform.spi.ui.NavigationContribution;
import dev.steward.platform.spi.ui.NavigationItem;
import dev.steward.platform.spi.ui.ViewContribution;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.ComponentScan;
import org.springframework.context.annotation.Configuration;

import java.util.List;

/** The plugin's Spring configuration (named in its descriptor): its contributions to the host's extension points. */
@Configuration
@ComponentScan
public class HelloPlugin {

    static final String READ = "hello.read";
    /** The access expression of the services' {@code @PreAuthorize}: one constant per expression, as every plugin does. */
    static final String MAY_READ = "hasAuthority('" + READ + "')";

    @Bean
    PermissionSet helloPermissions() {
        return () -> List.of(Permission.of(READ, "Read greetings", Role.ADMIN, Role.PRIVACY_OFFICER));
    }

    @Bean
    ViewContribution helloViews() {
        return () -> List.of(HelloView.class);
    }

    @Bean
    NavigationContribution helloNavigation() {
        return () -> List.of(new NavigationItem("Hello", "Examples", VaadinIcon.HAND, HelloView.class, READ, 500));
    }

    @Bean
    DashboardWidget helloWidget(Greetings greetings) {
        return new DashboardWidget() {
            public String title() {
                return "Greetings";
            }

            public String requiredPermission() {
                return READ;
            }

            public Component create() {
                return new Span(greetings.all().size() + " greeting(s)");
            }
        };
    }
}
