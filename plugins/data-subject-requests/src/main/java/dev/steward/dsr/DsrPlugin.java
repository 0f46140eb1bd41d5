package dev.steward.dsr;

import dev.steward.platform.security.Role;
import dev.steward.platform.spi.Permission;
import dev.steward.platform.spi.PermissionSet;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.ComponentScan;
import org.springframework.context.annotation.Configuration;

import java.util.List;

/** The data-subject-requests plugin's configuration (named in its descriptor); UI contributions are in {@code ui}. */
@Configuration
@ComponentScan
public class DsrPlugin {

    @Bean
    PermissionSet dsrPermissions() {
        return () -> List.of(
                Permission.of(DsrPermissions.READ, "Read rights requests, their timelines, evidence and the yearly metrics",
                        Role.PRIVACY_OFFICER, Role.AUDITOR),
                Permission.of(DsrPermissions.WORK, "Log, verify, extend, fulfil, answer and close rights requests",
                        Role.PRIVACY_OFFICER),
                Permission.of(DsrPermissions.ADMIN, "Set the clock and verification rules, the company's promised response times and the intake",
                        Role.PRIVACY_OFFICER),
                Permission.of(DsrPermissions.TASKS, "Do the request tasks assigned to you in your systems and with your vendors",
                        Role.MANAGER, Role.SECURITY_ANALYST, Role.PRIVACY_OFFICER));
    }
}
