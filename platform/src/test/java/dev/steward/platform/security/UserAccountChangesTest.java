package dev.steward.platform.security;

import org.jooq.DSLContext;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.test.context.event.ApplicationEvents;
import org.springframework.test.context.event.RecordApplicationEvents;

import java.util.EnumSet;
import java.util.List;

import static dev.steward.platform.db.generated.Tables.APP_USER;
import static dev.steward.platform.db.generated.Tables.AUDIT_LOG;
import static org.assertj.core.api.Assertions.assertThat;

/** An admin's changes to a user: every role granted or removed is audited; the changes that must end sessions say so. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.NONE)
@RecordApplicationEvents
class UserAccountChangesTest {

    @Autowired
    UserAccountService users;
    @Autowired
    DSLContext dsl;
    @Autowired
    ApplicationEvents events;

    @BeforeEach
    void signInAsUserAdmin() {
        SecurityContextHolder.getContext().setAuthentication(UsernamePasswordAuthenticationToken.authenticated(
                "root", null, List.of(new SimpleGrantedAuthority(PlatformPermissions.USERS_MANAGE))));
    }

    @AfterEach
    void signOut() {
        SecurityContextHolder.clearContext();
    }

    private UserAccount account(String username) {
        return users.list().stream().filter(u -> u.username().equals(username)).findFirst().orElseThrow();
    }

    private List<AccountSecurityChanged.Change> changesOf(String username) {
        return events.stream(AccountSecurityChanged.class).filter(e -> e.username().equals(username))
                .map(AccountSecurityChanged::change).toList();
    }

    @Test
    void removing_a_role_is_audited_with_the_roles_before_and_after() {
        users.create("rita", "Rita", null, EnumSet.of(Role.PRIVACY_OFFICER, Role.AUDITOR));
        UserAccount rita = account("rita");
        users.update(rita.id(), rita.version(), "Rita", null, EnumSet.of(Role.AUDITOR));

        var entry = dsl.selectFrom(AUDIT_LOG).where(AUDIT_LOG.ACTION.eq("ROLES_CHANGED"))
                .and(AUDIT_LOG.ENTITY_ID.eq(String.valueOf(rita.id()))).orderBy(AUDIT_LOG.ID.desc()).limit(1).fetchOne();
        assertThat(entry.getActor()).isEqualTo("root");
        assertThat(entry.getBeforeData()).contains("\"roles\":[\"AUDITOR\",\"PRIVACY_OFFICER\"]");
        assertThat(entry.getAfterData()).contains("\"roles\":[\"AUDITOR\"]").contains("\"removed\":[\"PRIVACY_OFFICER\"]");
        assertThat(account("rita").roles()).containsExactly(Role.AUDITOR);
        assertThat(changesOf("rita")).containsExactly(AccountSecurityChanged.Change.ROLES_CHANGED);
    }

    @Test
    void deactivation_and_password_reset_end_sessions_but_a_new_name_does_not() {
        users.create("sven", "Sven", null, EnumSet.of(Role.MANAGER));
        UserAccount sven = account("sven");
        users.update(sven.id(), sven.version(), "Sven S.", null, EnumSet.of(Role.MANAGER));
        assertThat(changesOf("sven")).isEmpty();
        users.resetPassword(sven.id(), account("sven").version());
        users.setActive(sven.id(), account("sven").version(), false);
        assertThat(changesOf("sven")).containsExactly(AccountSecurityChanged.Change.PASSWORD_RESET,
                AccountSecurityChanged.Change.DEACTIVATED);
        assertThat(dsl.fetchValue(APP_USER.MUST_CHANGE_PASSWORD, APP_USER.USERNAME.eq("sven"))).isTrue();
    }
}
