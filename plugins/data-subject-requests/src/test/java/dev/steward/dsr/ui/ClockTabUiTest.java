package dev.steward.dsr.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Span;
import dev.steward.dsr.DsrPermissions;
import dev.steward.dsr.requests.RequestForm;
import dev.steward.dsr.requests.RequestType;
import dev.steward.dsr.requests.Requester;
import dev.steward.dsr.requests.RightsRequest;
import dev.steward.dsr.requests.RightsRequests;
import dev.steward.platform.plugin.ExtensionRegistry;
import dev.steward.platform.security.Role;
import dev.steward.testkit.console.ConsoleTestApplication;
import dev.steward.testkit.console.Dashboard;
import dev.steward.testkit.console.KaribuTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

import java.time.Duration;
import java.time.Instant;
import java.util.EnumSet;
import java.util.UUID;
import java.util.stream.Stream;

import static com.github.mvysny.kaributesting.v10.LocatorJ._click;
import static com.github.mvysny.kaributesting.v10.LocatorJ._find;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.assertj.core.api.Assertions.assertThat;

/** The Clock tab of a request and the overdue card, through the real components. */
@SpringBootTest(classes = ConsoleTestApplication.class)
class ClockTabUiTest extends KaribuTest {

    @Autowired
    ExtensionRegistry registry;

    final String suffix = UUID.randomUUID().toString().substring(0, 8);

    private <T> T bean(Class<T> type) {
        return registry.contextOf(DsrPermissions.PLUGIN_ID).orElseThrow().getBean(type);
    }

    private RightsRequest open(String jurisdiction, Instant received) {
        loginAs("olivia", Role.PRIVACY_OFFICER);
        return bean(RightsRequests.class).open(RequestForm.byEmail(Requester.named("Rosa Diaz " + suffix, "rosa." + suffix + "@example.org"),
                jurisdiction, EnumSet.of(RequestType.ACCESS_CATEGORIES)).receivedAt(received));
    }

    private static Stream<Component> descendants(Component c) {
        return Stream.concat(Stream.of(c), c.getChildren().flatMap(ClockTabUiTest::descendants));
    }

    private static String spanText(String className) {
        return _find(Span.class).stream().filter(s -> s.hasClassName(className)).findFirst().orElseThrow().getText();
    }

    @Test
    void the_clock_tab_says_the_due_day_in_the_rule_s_zone_and_why_and_the_officer_extends_it() {
        RightsRequest r = open("US-CA", Instant.now().minus(Duration.ofDays(2)));
        UI.getCurrent().navigate("requests/" + r.id());
        RequestView view = _get(RequestView.class);
        assertThat(view.dueBasis.getText()).startsWith("The law decides: 45 calendar days");
        view.selectTab("Clock");
        assertThat(spanText("clock-due")).startsWith("end of ").contains("Los Angeles time");
        assertThat(spanText("clock-basis")).startsWith("The law decides: 45 calendar days");

        _click(_get(Button.class, spec -> spec.withText("Extend…")));
        ExtendDialog dialog = _get(ExtendDialog.class);
        _click(dialog.extend);
        assertThat(dialog.reason.isInvalid()).isTrue();
        setValue(dialog.reason, "Records in five systems");
        _click(dialog.extend);
        assertThat(spanText("clock-basis")).startsWith("Extended by 45 calendar days under California CCPA/CPRA");
        assertThat(_find(Button.class, spec -> spec.withText("Extend…"))).as("one extension only").isEmpty();
        assertThat(view.dueBasis.getText()).startsWith("Extended by 45 calendar days");
    }

    @Test
    void an_auditor_sees_the_clock_but_its_actions_are_disabled_with_who_can() {
        RightsRequest r = open("US-CA", Instant.now());
        loginAs("audrey", Role.AUDITOR);
        UI.getCurrent().navigate("requests/" + r.id());
        _get(RequestView.class).selectTab("Clock");
        Button extend = _get(Button.class, spec -> spec.withText("Extend…"));
        assertThat(extend.isEnabled()).isFalse();
        assertThat(extend.getTooltip().getText()).startsWith("Only a privacy officer can");
        assertThat(_find(com.vaadin.flow.component.html.Paragraph.class)).anyMatch(p -> p.isVisible()
                && p.getText().startsWith("Only a privacy officer can acknowledge, extend or pause"));
    }

    @Test
    void the_overdue_card_counts_overdue_requests_and_links_to_them() {
        open("FR", Instant.now().minus(Duration.ofDays(40)));
        Dashboard.open();
        Component card = Dashboard.card("Overdue rights requests").orElseThrow();
        assertThat(descendants(card).filter(Span.class::isInstance).map(c -> ((Span) c).getText())).anyMatch(t -> t.endsWith(" overdue"));
        Anchor link = descendants(card).filter(Anchor.class::isInstance).map(Anchor.class::cast).findFirst().orElseThrow();
        assertThat(link.getHref()).isEqualTo("requests?show=overdue");
    }

    @Test
    void a_manager_without_dsr_read_gets_no_request_cards() {
        loginAs("mia", Role.MANAGER);
        Dashboard.open();
        assertThat(Dashboard.titles()).doesNotContain("Overdue rights requests", "Rights requests due in the next 30 days",
                "Requests awaiting verification", "Median days to close a request (12 months)");
    }
}
