package dev.steward.incidents.ui;

import com.github.mvysny.kaributesting.v10.GridKt;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.grid.Grid;
import dev.steward.incidents.IncidentPermissions;
import dev.steward.incidents.obligations.NotificationRule;
import dev.steward.incidents.obligations.RuleService;
import dev.steward.incidents.obligations.RuleVersion;
import dev.steward.platform.plugin.ExtensionRegistry;
import dev.steward.platform.security.Role;
import dev.steward.testkit.console.ConsoleTestApplication;
import dev.steward.testkit.console.KaribuTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

import static com.github.mvysny.kaributesting.v10.LocatorJ._click;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.assertj.core.api.Assertions.assertThat;

/** A rule's history says who changed each version and why; a correction without a reason is refused on its field. */
@SpringBootTest(classes = ConsoleTestApplication.class)
class RuleHistoryUiTest extends KaribuTest {

    @Autowired
    ExtensionRegistry registry;
    RuleService rules;

    @BeforeEach
    void rules() {
        rules = registry.contextOf(IncidentPermissions.PLUGIN_ID).orElseThrow().getBean(RuleService.class);
    }

    @Test
    void the_history_shows_who_changed_each_version_and_why() {
        loginAs("priya", Role.PRIVACY_OFFICER);
        NotificationRule rule = rules.current().getFirst();
        rules.correct(rule.id(), rule, "Regulator guidance of March clarified the trigger");
        UI.getCurrent().navigate(RulesView.class);

        @SuppressWarnings("unchecked")
        Grid<RuleVersion> history = _get(RulesView.class).history(rule.key());
        RuleVersion newest = GridKt._get(history, 0);
        assertThat(newest.version()).isEqualTo(rule.version() + 1);
        assertThat(GridKt._getFormattedRow(history, 0)).contains("priya", "Regulator guidance of March clarified the trigger");
        assertThat(GridKt._getFormattedRow(history, 1)).contains("v" + rule.version() + " (superseded)");
    }

    @Test
    void a_correction_without_a_reason_marks_the_reason_field_and_saves_nothing() {
        loginAs("priya", Role.PRIVACY_OFFICER);
        NotificationRule rule = rules.current().getFirst();
        int versions = rules.history(rule.key()).size();
        RuleDialog dialog = new RuleDialog(rules, rule, () -> { });
        dialog.open();
        setValue(dialog.notes, "A clearer note");
        setValue(dialog.reason, "   ");
        _click(dialog.save);

        assertThat(dialog.reason.isInvalid()).isTrue();
        assertThat(dialog.reason.getErrorMessage()).startsWith("Say why the rule is added or corrected");
        assertThat(dialog.isOpened()).isTrue();
        assertThat(rules.history(rule.key())).hasSize(versions);
    }

    @Test
    void a_user_who_may_not_read_incidents_is_refused_the_rule_history_on_the_server() {
        loginAs("maria", Role.MANAGER);
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> rules.versions("gdpr.authority"))
                .isInstanceOf(org.springframework.security.access.AccessDeniedException.class);
    }
}
