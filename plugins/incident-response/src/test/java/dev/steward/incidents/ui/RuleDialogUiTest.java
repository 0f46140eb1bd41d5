package dev.steward.incidents.ui;

import dev.steward.incidents.IncidentPermissions;
import dev.steward.incidents.obligations.NotificationRule;
import dev.steward.incidents.obligations.RuleService;
import dev.steward.platform.plugin.ExtensionRegistry;
import dev.steward.platform.security.Role;
import dev.steward.testkit.console.ConsoleTestApplication;
import dev.steward.testkit.console.KaribuTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

import java.time.ZoneId;

import static org.assertj.core.api.Assertions.assertThat;

/** The rule dialog's Binder shows a rule and reads back what it shows, and starts a new rule with its defaults. */
@SpringBootTest(classes = ConsoleTestApplication.class)
class RuleDialogUiTest extends KaribuTest {

    @Autowired
    ExtensionRegistry registry;
    RuleService rules;

    @BeforeEach
    void rules() {
        rules = registry.contextOf(IncidentPermissions.PLUGIN_ID).orElseThrow().getBean(RuleService.class);
    }

    @Test
    void a_rule_shown_for_correction_reads_back_unchanged() {
        loginAs("olivia", Role.PRIVACY_OFFICER);
        for (NotificationRule rule : rules.current()) {
            RuleDialog dialog = new RuleDialog(rules, rule, () -> { });
            assertThat(dialog.key.isReadOnly()).isTrue();
            NotificationRule read = dialog.read();
            assertThat(read).usingRecursiveComparison().ignoringFields("afterRuleKey").isEqualTo(rule);
            // as before the Binder: an empty text field reads as "", which the service takes for no rule
            assertThat(read.afterRuleKey()).isEqualTo(rule.afterRuleKey() == null ? "" : rule.afterRuleKey());
        }
    }

    @Test
    void a_new_rule_starts_as_a_controllers_duty_in_utc_for_any_risk() {
        loginAs("olivia", Role.PRIVACY_OFFICER);
        RuleDialog dialog = new RuleDialog(rules, null, () -> { });
        setValue(dialog.notes, "  ");
        NotificationRule blank = dialog.read();
        assertThat(blank.key()).isEmpty();
        assertThat(blank.role()).isEqualTo("CONTROLLER");
        assertThat(blank.zone()).isEqualTo(ZoneId.of("UTC"));
        assertThat(blank.minRisk()).isNull();
        assertThat(blank.notes()).isNull();
        assertThat(blank.afterRuleKey()).isEmpty();
        assertThat(dialog.key.isReadOnly()).isFalse();
    }
}
