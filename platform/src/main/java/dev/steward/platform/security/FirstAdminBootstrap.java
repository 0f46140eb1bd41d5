package dev.steward.platform.security;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * First run: there is no fixed default password. With {@code steward.admin.username} and
 * {@code steward.admin.password} (env {@code STEWARD_ADMIN_USERNAME}/{@code STEWARD_ADMIN_PASSWORD}) that admin is
 * created; otherwise an {@code admin} with a one-time password, printed once in the log, to be changed at first login.
 */
@Component
public class FirstAdminBootstrap {

    private static final Logger log = LoggerFactory.getLogger(FirstAdminBootstrap.class);

    private final UserAccountService users;
    private final String username;
    private final String password;

    public FirstAdminBootstrap(UserAccountService users,
                               @Value("${steward.admin.username:admin}") String username,
                               @Value("${steward.admin.password:}") String password) {
        this.users = users;
        this.username = username;
        this.password = password;
    }

    @EventListener(ApplicationReadyEvent.class)
    public void createFirstAdminIfNone() {
        if (users.anyUserExists()) {
            return;
        }
        if (!password.isBlank()) {
            users.createInitialAdmin(username, password, false);
            log.info("Created the first administrator '{}' from configuration", username);
            return;
        }
        String oneTime = PasswordPolicy.generate();
        users.createInitialAdmin(username, oneTime, true);
        log.warn("""

                ================================================================
                 First start: created administrator '{}' with the one-time
                 password  {}
                 It is shown only this once; you must change it at first login.
                ================================================================""", username, oneTime);
    }
}
