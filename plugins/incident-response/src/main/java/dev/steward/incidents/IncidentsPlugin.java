package dev.steward.incidents;

import dev.steward.platform.security.Role;
import dev.steward.platform.spi.ApiDescription;
import dev.steward.platform.spi.Permission;
import dev.steward.platform.spi.PermissionSet;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.ComponentScan;
import org.springframework.context.annotation.Configuration;

import java.util.List;

import static dev.steward.incidents.IncidentPermissions.ASSESS;
import static dev.steward.incidents.IncidentPermissions.MANAGE_RULES;
import static dev.steward.incidents.IncidentPermissions.NOTIFY;
import static dev.steward.incidents.IncidentPermissions.READ;
import static dev.steward.incidents.IncidentPermissions.WORK;

/** The incident-response plugin's configuration (named in its descriptor); UI contributions are in {@code ui}. */
@Configuration
@ComponentScan
public class IncidentsPlugin {

    @Bean
    PermissionSet incidentPermissions() {
        return () -> List.of(
                Permission.of(READ, "Read incidents, obligations and the breach register", Role.SECURITY_ANALYST, Role.PRIVACY_OFFICER, Role.AUDITOR),
                Permission.of(WORK, "Log and edit incidents, tasks, notes and evidence", Role.SECURITY_ANALYST, Role.PRIVACY_OFFICER),
                Permission.of(ASSESS, "Assess severity and the risk to individuals", Role.PRIVACY_OFFICER),
                Permission.of(NOTIFY, "Decide and record notification obligations", Role.PRIVACY_OFFICER),
                Permission.of(MANAGE_RULES, "Add and correct notification rules", Role.PRIVACY_OFFICER),
                Permission.of(IncidentPermissions.INTAKE_UPDATE_ANY, "Through the intake API, update incidents that another client opened"));
    }

    @Bean
    ApiDescription incidentApi() {
        return () -> "/openapi/incidents.json";
    }
}
