package dev.steward.dsr.ui;

import com.github.mvysny.kaributesting.v10.GridKt;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.html.Span;
import dev.steward.dsr.DsrPermissions;
import dev.steward.dsr.clocks.Promises;
import dev.steward.dsr.requests.Regime;
import dev.steward.platform.plugin.ExtensionRegistry;
import dev.steward.platform.security.Role;
import dev.steward.testkit.console.ConsoleTestApplication;
import dev.steward.testkit.console.KaribuTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

import java.util.Optional;

import static com.github.mvysny.kaributesting.v10.LocatorJ._click;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.assertj.core.api.Assertions.assertThat;

/** The clock rules and the company's promise, through the real components. */
@SpringBootTest(classes = ConsoleTestApplication.class)
class ClockRulesViewUiTest extends KaribuTest {

    @Autowired
    ExtensionRegistry registry;

    private <T> T bean(Class<T> type) {
        return registry.contextOf(DsrPermissions.PLUGIN_ID).orElseThrow().getBean(type);
    }

    @Test
    void the_officer_sets_a_promise_with_its_source_and_a_rule_change_needs_a_reason() {
        loginAs("olivia", Role.PRIVACY_OFFICER);
        UI.getCurrent().navigate(ClockRulesView.class);
        ClockRulesView view = _get(ClockRulesView.class);
        assertThat(GridKt._findAll(view.grid)).extracting(r -> r.regime()).contains(Regime.GDPR, Regime.CCPA, Regime.POLICY);

        PromisePanel promise = view.promises;
        try {
            setValue(promise.scope, Optional.of(Regime.CTDPA));
            setValue(promise.days, 30);
            _click(promise.save);
            assertThat(promise.source.isInvalid()).isTrue();
            assertThat(promise.reason.isInvalid()).isTrue();
            setValue(promise.source, "Privacy policy, 'We will respond within 30 days'");
            setValue(promise.reason, "Policy of 2026");
            _click(promise.save);
            assertThat(promise.inForce.getChildren().map(c -> ((Span) c).getText()))
                    .anyMatch(t -> t.startsWith("Connecticut Data Privacy Act: within 30 days (Privacy policy"));
        } finally {
            bean(Promises.class).withdraw(Regime.CTDPA, "Test over");
        }

        int gdpr = GridKt._findAll(view.grid).stream().map(r -> r.regime()).toList().indexOf(Regime.GDPR);
        _click(_get(GridKt._getCellComponent(view.grid, gdpr, "actions"), Button.class, spec -> spec.withText("Change…")));
        ClockRuleDialog dialog = _get(ClockRuleDialog.class);
        setValue(dialog.answerAmount, 2);
        _click(dialog.save);
        assertThat(dialog.reason.isInvalid()).isTrue();
        assertThat(bean(dev.steward.dsr.clocks.ClockRules.class).versions(Regime.GDPR).getFirst().answerAmount()).isEqualTo(1);
    }

    @Test
    void an_auditor_reads_the_rules_but_may_change_neither_rules_nor_promises() {
        loginAs("audrey", Role.AUDITOR);
        UI.getCurrent().navigate(ClockRulesView.class);
        ClockRulesView view = _get(ClockRulesView.class);
        Button change = _get(GridKt._getCellComponent(view.grid, 0, "actions"), Button.class, spec -> spec.withText("Change…"));
        assertThat(change.isEnabled()).isFalse();
        assertThat(change.getTooltip().getText()).isEqualTo("Only a privacy officer can change the clock rules");
        assertThat(view.promises.form.isVisible()).isFalse();
    }
}
