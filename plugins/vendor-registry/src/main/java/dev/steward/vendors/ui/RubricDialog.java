package dev.steward.vendors.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.html.H4;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.textfield.IntegerField;
import dev.steward.platform.ui.Toasts;
import dev.steward.platform.validation.InvalidInputException;
import dev.steward.vendors.risk.RiskRubric;
import dev.steward.vendors.risk.RiskRubrics;
import dev.steward.platform.validation.ConcurrentChangeException;

import java.util.List;

/** The risk rubric for registry administrators: factor weights, tier thresholds, review cadence per tier. */
class RubricDialog extends Dialog {

    final IntegerField sensitivity = field("Data sensitivity");
    final IntegerField volume = field("Volume");
    final IntegerField access = field("Access level");
    final IntegerField criticality = field("Criticality");
    final IntegerField location = field("Location");
    final IntegerField tier1 = field("Tier 1 from score");
    final IntegerField tier2 = field("Tier 2 from score");
    final IntegerField tier3 = field("Tier 3 from score");
    final IntegerField months1 = field("Tier 1 review every (months)");
    final IntegerField months2 = field("Tier 2 review every (months)");
    final IntegerField months3 = field("Tier 3 review every (months)");
    final IntegerField months4 = field("Tier 4 review every (months)");
    final Paragraph error = new Paragraph();
    final Button save = new Button("Save rubric");

    RubricDialog(RiskRubrics rubrics) {
        setHeaderTitle("Risk rubric");
        setWidth("min(48rem, 95vw)");
        RiskRubric current = rubrics.current();
        List<IntegerField> all = List.of(sensitivity, volume, access, criticality, location, tier1, tier2, tier3, months1, months2, months3, months4);
        int[] values = {current.weightSensitivity(), current.weightVolume(), current.weightAccess(), current.weightCriticality(),
                current.weightLocation(), current.tier1Min(), current.tier2Min(), current.tier3Min(), current.reviewMonthsTier1(),
                current.reviewMonthsTier2(), current.reviewMonthsTier3(), current.reviewMonthsTier4()};
        for (int i = 0; i < values.length; i++) {
            all.get(i).setValue(values[i]);
        }
        error.getStyle().set("color", "var(--lumo-error-text-color)");
        add(new Paragraph("Inherent risk = weighted share of the five factors' levels (1 low to 4 high), 0 to 100. Changes apply to "
                        + "assessments from now on; earlier ones keep their score."),
                new H4("Weights (0 to 10)"), new FormLayout(sensitivity, volume, access, criticality, location),
                new H4("Tiers"), new FormLayout(tier1, tier2, tier3), new H4("Review cadence"), new FormLayout(months1, months2, months3, months4), error);
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        save.addClickListener(e -> {
            try {
                rubrics.save(new RiskRubric(v(sensitivity), v(volume), v(access), v(criticality), v(location), v(tier1), v(tier2), v(tier3),
                        v(months1), v(months2), v(months3), v(months4), current.version()));
                Toasts.success("Risk rubric saved");
                close();
            } catch (InvalidInputException | ConcurrentChangeException ex) {
                error.setText(ex.getMessage());
            }
        });
        getFooter().add(new Button("Cancel", e -> close()), save);
    }

    private static int v(IntegerField f) {
        return f.getValue() == null ? -1 : f.getValue();
    }

    private static IntegerField field(String label) {
        IntegerField f = new IntegerField(label);
        f.setStepButtonsVisible(true);
        return f;
    }
}
