package dev.steward.dsr.ui;

import com.vaadin.flow.component.UI;
import dev.steward.dsr.DsrPermissions;
import dev.steward.dsr.requests.RequestForm;
import dev.steward.dsr.requests.RequestStatus;
import dev.steward.dsr.requests.RequestType;
import dev.steward.dsr.requests.Requester;
import dev.steward.dsr.requests.RightsRequest;
import dev.steward.dsr.requests.RightsRequests;
import dev.steward.dsr.verification.PointKind;
import dev.steward.platform.plugin.ExtensionRegistry;
import dev.steward.platform.security.Role;
import dev.steward.testkit.console.ConsoleTestApplication;
import dev.steward.testkit.console.KaribuTest;
import org.jooq.DSLContext;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

import java.util.EnumSet;
import java.util.UUID;

import com.github.mvysny.kaributesting.v10.pro.ConfirmDialogKt;

import static com.github.mvysny.kaributesting.v10.LocatorJ._click;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static dev.steward.platform.db.generated.Tables.PERSON;
import static org.assertj.core.api.Assertions.assertThat;

/** The Verification tab: points matched against the directory, the verify button saying what is missing, and who can. */
@SpringBootTest(classes = ConsoleTestApplication.class)
class VerificationTabUiTest extends KaribuTest {

    @Autowired
    ExtensionRegistry registry;
    @Autowired
    DSLContext dsl;

    private final String suffix = UUID.randomUUID().toString().substring(0, 8);
    private final Requester rosa = Requester.named("Rosa Diaz " + suffix, "rosa." + suffix + "@example.org");

    private RightsRequest opened() {
        loginAs("olivia", Role.PRIVACY_OFFICER);
        dsl.insertInto(PERSON).set(PERSON.EMPLOYEE_ID, "E-" + suffix).set(PERSON.FULL_NAME, rosa.name()).set(PERSON.EMAIL, rosa.email()).execute();
        return registry.contextOf(DsrPermissions.PLUGIN_ID).orElseThrow().getBean(RightsRequests.class)
                .open(RequestForm.byEmail(rosa, "US-CA", EnumSet.of(RequestType.ACCESS_CATEGORIES)));
    }

    private VerificationTab.Panel panel(RightsRequest r) {
        RequestView view = _get(RequestView.class);
        view.selectTab("Verification");
        return _get(VerificationTab.Panel.class);
    }

    @Test
    void the_officer_adds_two_matching_points_and_verifies_the_request() {
        RightsRequest r = opened();
        UI.getCurrent().navigate("requests/" + r.id());
        VerificationTab.Panel panel = panel(r);
        assertThat(panel.rule.getText()).startsWith("2 matched data points").contains("11 CCR 7062(b)");
        assertThat(panel.verify.isEnabled()).isFalse();
        assertThat(panel.verify.getTooltip().getText()).contains("2 more matched data points");

        setValue(panel.kind, PointKind.EMAIL);
        setValue(panel.value, rosa.email());
        _click(panel.add);
        panel = panel(r);
        setValue(panel.kind, PointKind.NAME);
        setValue(panel.value, rosa.name());
        _click(panel.add);
        panel = panel(r);
        assertThat(panel.grid.getGenericDataView().getItems().toList()).hasSize(2).allSatisfy(p -> assertThat(p.matched()).isTrue());
        assertThat(panel.verify.isEnabled()).isTrue();
        _click(panel.verify);

        assertThat(_get(RequestView.class).request.status()).isEqualTo(RequestStatus.IN_PROGRESS);
    }

    @Test
    void an_auditor_sees_the_points_but_may_not_verify_and_is_told_who_can() {
        RightsRequest r = opened();
        loginAs("audrey", Role.AUDITOR);
        UI.getCurrent().navigate("requests/" + r.id());
        VerificationTab.Panel panel = panel(r);

        assertThat(panel.verify.isEnabled()).isFalse();
        assertThat(panel.fail.isEnabled()).isFalse();
        assertThat(panel.whoCan.isVisible()).isTrue();
        assertThat(panel.whoCan.getText()).isEqualTo("Only a privacy officer can verify requests");
        assertThat(panel.kind.getParent().orElseThrow().isVisible()).isFalse();
    }

    @Test
    void an_officer_over_the_limit_or_facing_an_unfounded_request_refuses_it_with_a_reason() {
        RightsRequest r = opened();
        UI.getCurrent().navigate("requests/" + r.id());
        VerificationTab.Panel panel = panel(r);
        RefusalSection refusal = panel.refusal;
        assertThat(refusal.ground.getItemEnabledProvider().test(dev.steward.dsr.verification.Ground.OVER_LIMIT)).isFalse();

        setValue(refusal.ground, dev.steward.dsr.verification.Ground.MANIFESTLY_UNFOUNDED);
        _click(refusal.deny);
        ConfirmDialogKt._fireConfirm(_get(com.vaadin.flow.component.confirmdialog.ConfirmDialog.class));
        assertThat(refusal.reason.isInvalid()).isTrue();

        setValue(refusal.reason, "Asks about a product we never sold");
        _click(refusal.deny);
        ConfirmDialogKt._fireConfirm(_get(com.vaadin.flow.component.confirmdialog.ConfirmDialog.class));

        RightsRequest denied = _get(RequestView.class).request;
        assertThat(denied.outcome()).isEqualTo(dev.steward.dsr.requests.Outcome.DENIED);
        assertThat(denied.outcomeReason()).isEqualTo("Manifestly unfounded: Asks about a product we never sold");
    }

    @Test
    void the_rules_page_lists_each_law_and_type_with_its_citation_and_an_auditor_may_not_change_them() {
        loginAs("audrey", Role.AUDITOR);
        UI.getCurrent().navigate("requests/verification-rules");
        VerificationRulesView view = _get(VerificationRulesView.class);

        assertThat(view.grid.getGenericDataView().getItems().filter(rule -> rule.regime() == dev.steward.dsr.requests.Regime.CCPA
                && rule.type() == RequestType.ACCESS_SPECIFIC).findFirst().orElseThrow())
                .satisfies(rule -> {
                    assertThat(rule.pointsRequired()).isEqualTo(3);
                    assertThat(rule.declarationRequired()).isTrue();
                    assertThat(rule.citation()).contains("11 CCR 7062(c)");
                });
        assertThat(view.whoCan.getText()).isEqualTo("Only a privacy officer can change the verification rules");
        assertThat(view.whoCan.isVisible()).isTrue();
    }
}
