package dev.steward.console.sso;

import dev.steward.platform.security.PlatformPermissions;
import dev.steward.platform.security.Role;
import dev.steward.platform.security.SignedInSessions;
import dev.steward.platform.security.UserAccount;
import dev.steward.platform.security.UserAccountService;
import dev.steward.platform.security.sso.SsoAccounts;
import dev.steward.platform.security.sso.SsoSignInRefusedException;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.oauth2.client.authentication.OAuth2AuthenticationToken;

import java.net.URI;
import java.util.EnumSet;
import java.util.List;

import static dev.steward.platform.db.generated.Tables.APP_USER;
import static dev.steward.platform.db.generated.Tables.AUDIT_LOG;
import static dev.steward.platform.db.generated.Tables.USER_ROLE;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 13: sign-in through the company's OpenID Connect provider, over real HTTP against a real OIDC server
 * ({@link OidcTestServer}): users are created at their first sign-in, their roles follow their groups, and local
 * accounts (and the form login) keep working.
 */
class OidcSignInTest extends SsoTestBase {

    @Autowired
    UserAccountService users;
    @Autowired
    SsoAccounts ssoAccounts;
    @Autowired
    SignedInSessions signedInSessions;
    @Autowired
    SsoProviders providers;

    @Test
    void the_sign_in_link_sends_the_browser_to_the_provider_with_state_and_nonce() throws Exception {
        assertThat(providers.all()).containsExactly(new SsoProviders.Provider(OidcTestServer.REGISTRATION_ID, OidcTestServer.PROVIDER_NAME));
        URI authorize = browser().startSignIn();
        assertThat(authorize.toString()).startsWith(OidcTestServer.issuer() + "/authorize")
                .contains("client_id=" + OidcTestServer.CLIENT_ID, "state=", "nonce=", "scope=openid");
    }

    @Test
    void a_first_sign_in_creates_the_user_with_the_roles_of_their_groups_and_is_audited() throws Exception {
        SsoBrowser browser = browser();
        var answer = browser.signInAs("subject-ann", claims("ann.sso", List.of("steward-admins", "unrelated-group")));

        assertThat(SsoBrowser.landing(answer)).isEqualTo("/");
        Authentication signedIn = signedInAs(browser);
        assertThat(signedIn).isInstanceOf(OAuth2AuthenticationToken.class);
        assertThat(signedIn.getName()).isEqualTo("ann.sso");
        assertThat(signedIn.getAuthorities()).extracting(GrantedAuthority::getAuthority)
                .contains(Role.ADMIN.authority(), PlatformPermissions.USERS_MANAGE)
                .doesNotContain(Role.MANAGER.authority());
        assertThat(signedInSessions.signedInUsers()).contains("ann.sso");

        var user = dsl.selectFrom(APP_USER).where(APP_USER.USERNAME.eq("ann.sso")).fetchOne();
        assertThat(user.getIdentityIssuer()).isEqualTo(OidcTestServer.issuer());
        assertThat(user.getIdentitySubject()).isEqualTo("subject-ann");
        assertThat(user.getIdentityProvider()).isEqualTo(OidcTestServer.PROVIDER_NAME);
        assertThat(user.getDisplayName()).isEqualTo("Name of ann.sso");
        assertThat(user.getEmail()).isEqualTo("ann.sso@example.com");
        assertThat(user.getMustChangePassword()).isFalse();
        assertThat(user.getLastLoginAt()).isNotNull();
        assertThat(roles("ann.sso")).containsExactly("ADMIN");
        assertThat(asAdmin(ssoAccounts::providersByUser)).containsEntry(user.getId(), OidcTestServer.PROVIDER_NAME);

        var login = dsl.selectFrom(AUDIT_LOG).where(AUDIT_LOG.ENTITY_TYPE.eq("session")).and(AUDIT_LOG.ENTITY_ID.eq("ann.sso"))
                .and(AUDIT_LOG.ACTION.eq("LOGIN")).fetchOne();
        assertThat(login.getActor()).isEqualTo("ann.sso");
        assertThat(login.getAfterData()).contains("\"channel\":\"sso\"", OidcTestServer.PROVIDER_NAME);
        assertThat(login.getAuditSession()).as("the sitting's audit session id").isNotBlank();
        assertThat(dsl.fetchExists(AUDIT_LOG, AUDIT_LOG.ENTITY_TYPE.eq("app_user").and(AUDIT_LOG.ENTITY_ID.eq(String.valueOf(user.getId())))
                .and(AUDIT_LOG.ACTION.eq("ROLES_CHANGED")))).as("the roles given are audited").isTrue();
    }

    @Test
    void roles_follow_the_groups_at_every_sign_in_and_the_older_sessions_end() throws Exception {
        SsoBrowser first = browser();
        assertThat(SsoBrowser.landing(first.signInAs("subject-bea", claims("bea.sso", List.of("privacy-team", "managers"))))).isEqualTo("/");
        assertThat(roles("bea.sso")).containsExactlyInAnyOrder("PRIVACY_OFFICER", "MANAGER");

        SsoBrowser second = browser();
        assertThat(SsoBrowser.landing(second.signInAs("subject-bea", claims("bea.sso", List.of("line-managers"))))).isEqualTo("/");
        assertThat(roles("bea.sso")).containsExactly("MANAGER");
        assertThat(signedInAs(second).getAuthorities()).extracting(GrantedAuthority::getAuthority)
                .contains(Role.MANAGER.authority()).doesNotContain(Role.PRIVACY_OFFICER.authority());
        assertThat(signedInAs(first)).as("the session holding the removed role has ended").isNull();
        assertThat(dsl.fetchCount(APP_USER, APP_USER.IDENTITY_SUBJECT.eq("subject-bea"))).isEqualTo(1);
    }

    @Test
    void a_user_renamed_at_the_provider_keeps_their_steward_account() throws Exception {
        browser().signInAs("subject-cat", claims("cat.sso", List.of("managers")));
        SsoBrowser later = browser();
        assertThat(SsoBrowser.landing(later.signInAs("subject-cat", claims("catherine.sso", List.of("managers"))))).isEqualTo("/");
        assertThat(signedInAs(later).getName()).isEqualTo("cat.sso");
        assertThat(dsl.fetchExists(APP_USER, APP_USER.USERNAME.eq("catherine.sso"))).isFalse();
    }

    @Test
    void a_deactivated_user_is_refused_with_a_clear_message() throws Exception {
        browser().signInAs("subject-dan", claims("dan.sso", List.of("managers")));
        UserAccount dan = find("dan.sso");
        asAdmin(() -> {
            users.setActive(dan.id(), dan.version(), false);
            return null;
        });

        SsoBrowser browser = browser();
        assertThat(SsoBrowser.landing(browser.signInAs("subject-dan", claims("dan.sso", List.of("managers")))))
                .isEqualTo(SsoSignInFailure.URL);
        assertThat(signedInAs(browser)).isNull();
        assertThat(failureOf(browser)).isInstanceOfSatisfying(SsoSignInRefusedException.class, refused -> {
            assertThat(refused.reason()).isEqualTo(SsoSignInRefusedException.Reason.DEACTIVATED);
            assertThat(SsoSignInFailure.messageFor(refused)).contains("deactivated");
        });
        assertThat(refusalsAudited("dan.sso")).contains("deactivated");
    }

    @Test
    void a_local_account_of_the_same_name_is_not_taken_over() throws Exception {
        asAdmin(() -> users.create("eve.local", "Eve Local", null, EnumSet.of(Role.AUDITOR)));

        for (String claimed : List.of("eve.local", "EVE.LOCAL")) {
            SsoBrowser browser = browser();
            assertThat(SsoBrowser.landing(browser.signInAs("subject-impostor", claims(claimed, List.of("steward-admins")))))
                    .isEqualTo(SsoSignInFailure.URL);
            assertThat(signedInAs(browser)).isNull();
            assertThat(failureOf(browser)).isInstanceOfSatisfying(SsoSignInRefusedException.class, refused -> {
                assertThat(refused.reason()).isEqualTo(SsoSignInRefusedException.Reason.NAME_TAKEN);
                assertThat(refused.getMessage()).contains("already exists", "not linked");
            });
        }
        var local = dsl.selectFrom(APP_USER).where(APP_USER.USERNAME.eq("eve.local")).fetchOne();
        assertThat(local.getIdentityIssuer()).isNull();
        assertThat(roles("eve.local")).containsExactly("AUDITOR");
        assertThat(dsl.fetchExists(APP_USER, APP_USER.IDENTITY_SUBJECT.eq("subject-impostor"))).isFalse();
        assertThat(refusalsAudited("eve.local")).contains("name_taken", "subject-impostor");
    }

    @Test
    void a_user_whose_groups_give_no_role_is_refused_and_gets_no_account() throws Exception {
        SsoBrowser browser = browser();
        assertThat(SsoBrowser.landing(browser.signInAs("subject-fay", claims("fay.sso", List.of("canteen-committee")))))
                .isEqualTo(SsoSignInFailure.URL);
        assertThat(failureOf(browser)).isInstanceOfSatisfying(SsoSignInRefusedException.class, refused -> {
            assertThat(refused.reason()).isEqualTo(SsoSignInRefusedException.Reason.NO_MAPPED_ROLE);
            assertThat(refused.getMessage()).contains("none of your groups", OidcTestServer.PROVIDER_NAME);
        });
        assertThat(dsl.fetchExists(APP_USER, APP_USER.USERNAME.eq("fay.sso"))).isFalse();
        assertThat(refusalsAudited("fay.sso")).contains("no_mapped_role");
    }

    @Test
    void a_user_removed_from_every_mapped_group_loses_their_roles_and_is_refused() throws Exception {
        browser().signInAs("subject-gus", claims("gus.sso", List.of("privacy-team")));
        SsoBrowser browser = browser();
        assertThat(SsoBrowser.landing(browser.signInAs("subject-gus", claims("gus.sso", List.of())))).isEqualTo(SsoSignInFailure.URL);
        assertThat(roles("gus.sso")).isEmpty();
        assertThat(signedInAs(browser)).isNull();
    }

    @Test
    void local_accounts_still_sign_in_with_their_password_when_single_sign_on_is_on() throws Exception {
        String oneTime = asAdmin(() -> users.create("break.glass", "Break glass", null, EnumSet.of(Role.ADMIN)));
        as("break.glass", () -> {
            users.changeOwnPassword("break.glass", oneTime, "break-glass-passphrase-2026");
            return null;
        });

        SsoBrowser browser = browser();
        assertThat(SsoBrowser.landing(browser.signInWithPassword("break.glass", "break-glass-passphrase-2026"))).doesNotContain("error");
        assertThat(signedInAs(browser).getName()).isEqualTo("break.glass");
        assertThat(signedInAs(browser).getAuthorities()).extracting(GrantedAuthority::getAuthority).contains(Role.ADMIN.authority());
    }

    private List<String> roles(String username) {
        return dsl.select(USER_ROLE.ROLE).from(USER_ROLE).join(APP_USER).on(APP_USER.ID.eq(USER_ROLE.USER_ID))
                .where(APP_USER.USERNAME.eq(username)).fetch(USER_ROLE.ROLE);
    }

    private String refusalsAudited(String subject) {
        return String.join("\n", dsl.select(AUDIT_LOG.AFTER_DATA).from(AUDIT_LOG).where(AUDIT_LOG.ENTITY_TYPE.eq("session"))
                .and(AUDIT_LOG.ENTITY_ID.eq(subject)).and(AUDIT_LOG.ACTION.eq("LOGIN_FAILED")).fetch(AUDIT_LOG.AFTER_DATA));
    }

    private UserAccount find(String username) {
        return asAdmin(() -> users.list().stream().filter(u -> u.username().equals(username)).findFirst().orElseThrow());
    }
}
