package dev.steward.platform.audit;

import dev.steward.platform.security.UserAccountService;
import org.jooq.DSLContext;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.security.test.context.support.WithMockUser;

import static dev.steward.platform.db.generated.Tables.APP_USER;
import static dev.steward.platform.db.generated.Tables.AUDIT_LOG;
import static org.assertj.core.api.Assertions.assertThat;

@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.NONE)
class AutomaticAuditTest {

    @Autowired
    UserAccountService users;
    @Autowired
    DSLContext dsl;

    @Test
    void creating_a_user_is_audited_by_the_platform_with_the_password_hash_redacted() {
        users.createInitialAdmin("root-admin", "a-long-enough-secret", false);
        Long id = dsl.select(APP_USER.ID).from(APP_USER).where(APP_USER.USERNAME.eq("root-admin")).fetchOne(APP_USER.ID);
        var entry = dsl.selectFrom(AUDIT_LOG).where(AUDIT_LOG.ENTITY_TYPE.eq("app_user"))
                .and(AUDIT_LOG.ENTITY_ID.eq(String.valueOf(id))).and(AUDIT_LOG.ACTION.eq("CREATE")).fetchOne();
        assertThat(entry).isNotNull();
        assertThat(entry.getModule()).isEqualTo("platform");
        assertThat(entry.getAfterData()).contains("\"username\":\"root-admin\"")
                .contains("\"password_hash\":\"(redacted)\"").doesNotContain("bcrypt");
    }

    @Test
    @WithMockUser(username = "boss", authorities = "platform.users.manage")
    void an_update_records_who_changed_which_fields_from_what_to_what() {
        users.createInitialAdmin("second-admin", "another-long-secret", false);
        var account = users.list().stream().filter(u -> u.username().equals("second-admin")).findFirst().orElseThrow();
        users.update(account.id(), account.version(), "Renamed Admin", "r@example.org", account.roles());

        var entry = dsl.selectFrom(AUDIT_LOG).where(AUDIT_LOG.ENTITY_TYPE.eq("app_user"))
                .and(AUDIT_LOG.ENTITY_ID.eq(String.valueOf(account.id()))).and(AUDIT_LOG.ACTION.eq("UPDATE"))
                .orderBy(AUDIT_LOG.ID.desc()).limit(1).fetchOne();
        assertThat(entry.getActor()).isEqualTo("boss");
        assertThat(entry.getBeforeData()).contains("\"display_name\":\"Administrator\"");
        assertThat(entry.getAfterData()).contains("\"display_name\":\"Renamed Admin\"").contains("r@example.org");
    }
}
