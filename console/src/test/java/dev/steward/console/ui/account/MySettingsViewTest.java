package dev.steward.console.ui.account;

import com.vaadin.flow.component.UI;
import dev.steward.platform.security.Role;
import dev.steward.platform.security.UserTimeZones;
import dev.steward.platform.ui.DisplayTime;
import dev.steward.platform.ui.ZoneChoices.ZoneChoice;
import dev.steward.testkit.console.KaribuTest;
import org.junit.jupiter.api.Test;
import org.springframework.security.access.AccessDeniedException;

import java.time.Instant;
import java.time.ZoneId;
import java.util.UUID;

import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** A user chooses the zone times are shown in, for themselves; without a choice the browser's zone is used. */
class MySettingsViewTest extends KaribuTest {

    final String user = "tz-" + UUID.randomUUID().toString().substring(0, 6);
    static final Instant NOON_UTC = Instant.parse("2026-07-01T12:00:00Z");

    private ZoneChoice choice(MySettingsView view, String id) {
        return view.zone.getListDataView().getItems().filter(c -> c.id().equals(id)).findFirst().orElseThrow();
    }

    @Test
    void times_follow_the_browser_until_the_user_chooses_a_zone_and_follow_the_browser_again_when_they_choose_it() {
        loginAs(user, Role.AUDITOR);
        ZoneId browser = DisplayTime.browserZone();
        assertThat(DisplayTime.zone()).as("nothing chosen").isEqualTo(browser);

        UI.getCurrent().navigate(MySettingsView.class);
        MySettingsView view = _get(MySettingsView.class);
        assertThat(view.zone.getValue().id()).isEqualTo(MySettingsView.BROWSER);
        assertThat(view.zone.getValue().label()).startsWith("Browser's zone (currently " + browser.getId().replace('_', ' '));

        setValue(view.zone, choice(view, "Asia/Tokyo"));
        assertThat(DisplayTime.zone()).isEqualTo(ZoneId.of("Asia/Tokyo"));
        assertThat(DisplayTime.format(NOON_UTC)).isEqualTo("2026-07-01 21:00 JST");
        assertThat(view.example.getText()).endsWith("(Asia/Tokyo)");

        UI.getCurrent().navigate("");
        UI.getCurrent().navigate(MySettingsView.class);
        view = _get(MySettingsView.class);
        assertThat(view.zone.getValue().id()).as("kept").isEqualTo("Asia/Tokyo");

        setValue(view.zone, choice(view, MySettingsView.BROWSER));
        assertThat(DisplayTime.zone()).isEqualTo(browser);
        assertThat(context.getBean(UserTimeZones.class).own()).isEmpty();
    }

    @Test
    void another_user_sees_their_own_zone_not_the_one_chosen_before_them_in_the_same_page() {
        loginAs(user, Role.AUDITOR);
        context.getBean(UserTimeZones.class).setOwn(user, "Asia/Tokyo");
        assertThat(DisplayTime.zone()).isEqualTo(ZoneId.of("Asia/Tokyo"));
        logout();
        loginAs(user + "-other", Role.AUDITOR);
        assertThat(DisplayTime.zone()).isEqualTo(DisplayTime.browserZone());
    }

    @Test
    void a_user_cannot_set_another_users_zone_from_their_session() {
        loginAs(user, Role.ADMIN);
        assertThatThrownBy(() -> context.getBean(UserTimeZones.class).setOwn(user + "-victim", "Asia/Tokyo"))
                .isInstanceOf(AccessDeniedException.class);
        logout();
        loginAs(user + "-victim", Role.AUDITOR);
        assertThat(context.getBean(UserTimeZones.class).own()).as("unchanged").isEmpty();
    }
}
