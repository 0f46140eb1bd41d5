package dev.steward.platform.security;

import dev.steward.platform.validation.InvalidInputException;
import org.jooq.DSLContext;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.test.context.support.WithMockUser;

import java.time.ZoneId;
import java.util.Optional;

import static dev.steward.platform.db.generated.Tables.AUDIT_LOG;
import static dev.steward.platform.db.generated.Tables.USER_SETTING;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Each user's own time zone: set by them alone, audited, and only to a real zone. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.NONE)
class UserTimeZonesTest {

    @Autowired
    UserTimeZones zones;
    @Autowired
    DSLContext dsl;

    private String storedZoneOf(String username) {
        return dsl.select(USER_SETTING.TIME_ZONE).from(USER_SETTING).where(USER_SETTING.USERNAME.eq(username))
                .fetchOptional(USER_SETTING.TIME_ZONE).orElse(null);
    }

    @Test
    @WithMockUser(username = "zoe")
    void a_user_chooses_a_zone_then_the_browsers_again_and_each_change_is_audited_with_before_and_after() {
        assertThat(zones.own()).as("nothing chosen: the browser's").isEmpty();
        zones.setOwn("zoe", "Asia/Tokyo");
        assertThat(zones.own()).contains(ZoneId.of("Asia/Tokyo"));
        zones.setOwn("zoe", "Europe/Berlin");
        var entry = dsl.selectFrom(AUDIT_LOG).where(AUDIT_LOG.ENTITY_TYPE.eq("user_setting")).and(AUDIT_LOG.ENTITY_ID.eq("zoe"))
                .orderBy(AUDIT_LOG.ID.desc()).limit(1).fetchOne();
        assertThat(entry.getActor()).isEqualTo("zoe");
        assertThat(entry.getAction()).isEqualTo("UPDATE");
        assertThat(entry.getBeforeData()).contains("Asia/Tokyo");
        assertThat(entry.getAfterData()).contains("Europe/Berlin");

        zones.setOwn("zoe", "");
        assertThat(zones.own()).as("the browser's again").isEmpty();
        int entries = dsl.fetchCount(AUDIT_LOG, AUDIT_LOG.ENTITY_TYPE.eq("user_setting").and(AUDIT_LOG.ENTITY_ID.eq("zoe")));
        zones.setOwn("zoe", null);
        assertThat(dsl.fetchCount(AUDIT_LOG, AUDIT_LOG.ENTITY_TYPE.eq("user_setting").and(AUDIT_LOG.ENTITY_ID.eq("zoe"))))
                .as("no change, no entry").isEqualTo(entries);
    }

    @Test
    @WithMockUser(username = "mallory")
    void a_user_cannot_set_another_users_zone() {
        assertThat(storedZoneOf("victim")).isNull();
        assertThatThrownBy(() -> zones.setOwn("victim", "Pacific/Kiritimati")).isInstanceOf(AccessDeniedException.class);
        assertThat(storedZoneOf("victim")).isNull();
        assertThat(zones.own()).isEqualTo(Optional.empty());
    }

    @Test
    @WithMockUser(username = "ivan")
    void an_invalid_zone_id_is_refused_with_a_clear_error_and_changes_nothing() {
        zones.setOwn("ivan", "America/New_York");
        for (String bad : new String[]{"Mars/Olympus_Mons", "+05:00", "EST", "US/Pacific", "europe/berlin", "x".repeat(500)}) {
            assertThatThrownBy(() -> zones.setOwn("ivan", bad)).isInstanceOfSatisfying(InvalidInputException.class, e -> {
                assertThat(e.problems()).singleElement().satisfies(p -> {
                    assertThat(p.field()).isEqualTo(UserTimeZones.FIELD);
                    assertThat(p.message()).contains("is not a time zone");
                });
            });
        }
        assertThat(storedZoneOf("ivan")).isEqualTo("America/New_York");
    }

    @Test
    void nobody_signed_in_reads_or_sets_no_zone() {
        assertThatThrownBy(() -> zones.own()).isInstanceOf(AuthenticationException.class);
        assertThatThrownBy(() -> zones.setOwn("anyone", "UTC")).isInstanceOf(AuthenticationException.class);
        assertThat(storedZoneOf("anyone")).isNull();
    }
}
