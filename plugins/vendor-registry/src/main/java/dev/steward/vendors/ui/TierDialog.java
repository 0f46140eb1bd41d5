package dev.steward.vendors.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.TextArea;
import dev.steward.platform.validation.InvalidInputException;
import dev.steward.vendors.registry.Vendor;
import dev.steward.vendors.risk.Assessments;
import dev.steward.platform.validation.ConcurrentChangeException;

/** Change a vendor's tier between assessments (after an incident, say); the reason goes into the tier history. */
class TierDialog extends Dialog {

    final Select<Integer> tier = new Select<>();
    final TextArea reason = new TextArea("Why");
    final Button save = new Button("Change tier");

    TierDialog(Assessments assessments, Vendor vendor, Runnable onSaved) {
        setHeaderTitle("Change the tier of " + vendor.legalName());
        tier.setLabel("Tier");
        tier.setItems(1, 2, 3, 4);
        tier.setItemLabelGenerator(t -> "Tier " + t);
        reason.setWidthFull();
        add(tier, reason);
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        save.addClickListener(e -> {
            if (tier.getValue() == null) {
                tier.setErrorMessage("Choose the tier");
                tier.setInvalid(true);
                return;
            }
            try {
                assessments.changeTier(vendor.id(), vendor.version(), tier.getValue(), reason.getValue());
                close();
                onSaved.run();
            } catch (InvalidInputException | ConcurrentChangeException ex) {
                reason.setErrorMessage(ex.getMessage());
                reason.setInvalid(true);
            }
        });
        getFooter().add(new Button("Cancel", e -> close()), save);
    }
}
