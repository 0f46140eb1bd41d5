package dev.steward.platform.security;

import dev.steward.platform.spi.Permission;
import dev.steward.platform.spi.PermissionSet;
import org.springframework.stereotype.Component;

import java.util.List;

import static dev.steward.platform.security.Role.ADMIN;
import static dev.steward.platform.security.Role.AUDITOR;
import static dev.steward.platform.security.Role.MANAGER;
import static dev.steward.platform.security.Role.PRIVACY_OFFICER;
import static dev.steward.platform.security.Role.SECURITY_ANALYST;

/** The host's own permissions. Method security and view checks name these constants. */
@Component
public class PlatformPermissions implements PermissionSet {

    public static final String DASHBOARD = "platform.dashboard";
    public static final String USERS_MANAGE = "platform.users.manage";
    public static final String PLUGINS_MANAGE = "platform.plugins.manage";
    public static final String AUDIT_READ = "platform.audit.read";
    public static final String PEOPLE_READ = "platform.people.read";
    public static final String PEOPLE_MANAGE = "platform.people.manage";
    public static final String JOBS_MANAGE = "platform.jobs.manage";
    public static final String CATALOG_READ = "platform.catalog.read";
    public static final String OUTBOX_MANAGE = "platform.outbox.manage";
    public static final String CATALOG_MANAGE = "platform.catalog.manage";
    public static final String API_TOKENS_MANAGE = "platform.api-tokens.manage";
    public static final String METRICS_READ = "platform.metrics.read";
    public static final String GETTING_STARTED = "platform.getting-started";

    @Override
    public List<Permission> permissions() {
        return List.of(
                Permission.of(DASHBOARD, "See the dashboard", Role.values()),
                Permission.of(USERS_MANAGE, "Create, deactivate and reset users; assign roles", ADMIN),
                Permission.of(PLUGINS_MANAGE, "See plugins and enable or disable them", ADMIN),
                Permission.of(AUDIT_READ, "Read, verify and export the audit log", ADMIN, AUDITOR),
                Permission.of(PEOPLE_READ, "See the people directory", ADMIN, PRIVACY_OFFICER, SECURITY_ANALYST, MANAGER, AUDITOR),
                Permission.of(PEOPLE_MANAGE, "Edit and import people and org units", ADMIN, PRIVACY_OFFICER),
                Permission.of(JOBS_MANAGE, "See scheduled jobs and run them now", ADMIN),
                Permission.of(CATALOG_READ, "See the privacy catalogue", Role.values()),
                Permission.of(OUTBOX_MANAGE, "See the mail outbox and retry mail", ADMIN),
                Permission.of(CATALOG_MANAGE, "Edit, retire and delete privacy-catalogue entries", ADMIN, PRIVACY_OFFICER),
                Permission.of(API_TOKENS_MANAGE, "Create and revoke API tokens for machine clients", ADMIN),
                Permission.of(METRICS_READ, "Read operational metrics and health details (Prometheus scrape)", ADMIN),
                Permission.of(GETTING_STARTED, "See the getting-started checklist of the installation and hide it from the dashboard", ADMIN));
    }
}
