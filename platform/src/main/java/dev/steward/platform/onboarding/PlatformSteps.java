package dev.steward.platform.onboarding;

import dev.steward.platform.notifications.MailOutbox;
import dev.steward.platform.security.PlatformPermissions;
import dev.steward.platform.spi.GettingStartedStep;
import org.jooq.DSLContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import java.util.function.BooleanSupplier;

/** The host's own getting-started steps: users with roles, the people directory, mail. */
@Configuration
class PlatformSteps {

    @Bean
    GettingStartedStep usersAndRoles(DSLContext dsl) {
        // the first administrator alone does not count: someone else must hold a role
        return step(10, "Create users and give them roles",
                "Add the people who will work in Steward and give each a role: privacy officer, security analyst, manager "
                        + "or auditor. The administrator role runs the console but holds no role in a module.",
                PlatformPermissions.USERS_MANAGE, "admin/users",
                () -> dsl.fetchSingle("select count(distinct u.id) >= 2 from platform.app_user u "
                        + "join platform.user_role r on r.user_id = u.id where u.active").get(0, Boolean.class));
    }

    @Bean
    GettingStartedStep importPeople(DSLContext dsl) {
        return step(20, "Import people",
                "Load your people and org units from an HR export: access reviews go to each person's manager, and "
                        + "incidents and vendors name their owners from this directory.",
                PlatformPermissions.PEOPLE_MANAGE, "people",
                () -> dsl.fetchSingle("select exists (select 1 from platform.person)").get(0, Boolean.class));
    }

    @Bean
    GettingStartedStep configureMail(MailOutbox outbox) {
        return step(30, "Configure mail",
                "Set spring.mail.host (with its port, username and password) in the console's configuration and restart. "
                        + "Until then notifications wait in the mail outbox and nobody receives email.",
                PlatformPermissions.OUTBOX_MANAGE, "admin/outbox", outbox::smtpConfigured);
    }

    private static GettingStartedStep step(int order, String title, String description, String permission, String route,
                                           BooleanSupplier done) {
        return new GettingStartedStep() {
            public String title() {
                return title;
            }

            public String description() {
                return description;
            }

            public String requiredPermission() {
                return permission;
            }

            public String route() {
                return route;
            }

            public int order() {
                return order;
            }

            public boolean done() {
                return done.getAsBoolean();
            }
        };
    }
}
