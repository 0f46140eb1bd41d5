package dev.steward.dsr.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.IntegerField;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import dev.steward.dsr.DsrPermissions;
import dev.steward.dsr.verification.FailureAction;
import dev.steward.dsr.verification.RuleForm;
import dev.steward.dsr.verification.VerificationRule;
import dev.steward.dsr.verification.VerificationRules;
import dev.steward.platform.security.PermissionCatalog;
import dev.steward.platform.spi.RequiresPermission;
import dev.steward.platform.ui.DisplayTime;
import dev.steward.platform.ui.FieldErrors;
import dev.steward.platform.ui.Toasts;
import dev.steward.platform.ui.WhoCan;
import dev.steward.platform.validation.InvalidInputException;
import jakarta.annotation.security.PermitAll;

import java.util.Map;

/** The verification rules in force, per law and request type, each with its citation; an administrator changes one with a reason. */
@Route("requests/verification-rules")
@PageTitle("Verification rules · Steward")
@PermitAll
@RequiresPermission(DsrPermissions.READ)
public class VerificationRulesView extends VerticalLayout {

    final Grid<VerificationRule> grid = new Grid<>();
    final Paragraph whoCan;
    private final VerificationRules rules;
    private final WhoCan who;

    public VerificationRulesView(VerificationRules rules, PermissionCatalog catalog) {
        this.rules = rules;
        setSizeFull();
        who = WhoCan.permission(catalog, DsrPermissions.ADMIN);
        whoCan = who.note(who.onlyCan("change the verification rules"));
        grid.addColumn(r -> r.regime().shortLabel()).setHeader("Law").setAutoWidth(true).setSortable(true).setTooltipGenerator(r -> r.regime().label());
        grid.addColumn(r -> r.type().label()).setHeader("Request").setWidth("11rem").setFlexGrow(1).setTooltipGenerator(r -> r.type().label());
        grid.addColumn(r -> r.needsVerification() ? r.pointsRequired() + " points" + (r.declarationRequired() ? " + signed declaration" : "")
                : "None needed").setHeader("Needs").setAutoWidth(true);
        grid.addColumn(r -> r.onFailure().label()).setHeader("If not verified").setAutoWidth(true);
        grid.addColumn(VerificationRule::citation).setHeader("Citation").setFlexGrow(1).setTooltipGenerator(VerificationRule::citation);
        grid.addColumn(r -> "v" + r.version()).setHeader("Version").setAutoWidth(true)
                .setTooltipGenerator(r -> r.changedBy() + ", " + DisplayTime.date(r.changedAt()) + ": " + r.changeReason());
        grid.addComponentColumn(r -> {
            Button change = new Button("Change", e -> edit(r));
            who.apply(change, who.onlyCan("change the verification rules"));
            return change;
        }).setAutoWidth(true).setFlexGrow(0);
        grid.setSizeFull();
        grid.setItems(rules.allCurrent());
        add(new H2("Verification rules"), whoCan, grid);
    }

    void edit(VerificationRule rule) {
        Dialog dialog = new Dialog();
        dialog.setHeaderTitle(rule.regime().label() + " · " + rule.type().label());
        IntegerField points = new IntegerField("Data points to match");
        points.setValue(rule.pointsRequired());
        Checkbox declaration = new Checkbox("Signed declaration under penalty of perjury", rule.declarationRequired());
        Checkbox agentProof = new Checkbox("An agent shows signed permission or a power of attorney", rule.agentProofRequired());
        Checkbox confirmation = new Checkbox("The consumer confirms the agent (unless a power of attorney)", rule.consumerConfirmation());
        Checkbox parent = new Checkbox("A parent shows parental responsibility", rule.parentProofRequired());
        Checkbox household = new Checkbox("Every household member is verified", rule.householdAllMembers());
        Select<FailureAction> onFailure = new Select<>();
        onFailure.setLabel("If not verified");
        onFailure.setItems(FailureAction.values());
        onFailure.setItemLabelGenerator(FailureAction::label);
        onFailure.setValue(rule.onFailure());
        TextArea failureReason = new TextArea("What the requester is told");
        failureReason.setValue(rule.failureReason());
        TextField citation = new TextField("Citation");
        citation.setValue(rule.citation());
        TextField changeReason = new TextField("Why it changes");
        FormLayout form = new FormLayout(points, onFailure, declaration, agentProof, confirmation, parent, household, failureReason, citation, changeReason);
        form.setColspan(failureReason, 2);
        form.setColspan(citation, 2);
        form.setColspan(changeReason, 2);
        dialog.add(form);
        Button save = new Button("Save as version " + (rule.version() + 1), e -> {
            try {
                rules.change(new RuleForm(rule.regime(), rule.type(), rule.version(), points.getValue() == null ? -1 : points.getValue(), declaration.getValue(),
                        agentProof.getValue(), confirmation.getValue(), parent.getValue(), household.getValue(), onFailure.getValue(),
                        failureReason.getValue(), citation.getValue(), changeReason.getValue()));
                dialog.close();
                grid.setItems(rules.allCurrent());
                Toasts.success("Saved; requests already decided keep the rule they were decided under");
            } catch (dev.steward.platform.validation.ConcurrentChangeException stale) {
                Toasts.error(stale.getMessage());
            } catch (InvalidInputException invalid) {
                FieldErrors.show(Map.of("pointsRequired", points, "onFailure", onFailure, "failureReason", failureReason,
                        "citation", citation, "changeReason", changeReason), invalid).ifPresent(Toasts::error);
            }
        });
        dialog.getFooter().add(new Button("Cancel", e -> dialog.close()), save);
        dialog.open();
    }
}
