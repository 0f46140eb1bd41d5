package dev.steward.reviews.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.IntegerField;
import com.vaadin.flow.component.textfield.TextField;
import dev.steward.platform.ui.Toasts;
import dev.steward.reviews.systems.SystemInfo;
import dev.steward.reviews.systems.SystemService;

/** Adds or edits a system. */
class SystemDialog extends Dialog {

    final TextField code = new TextField("Code");
    final TextField name = new TextField("Name");
    final Select<SystemInfo.Criticality> criticality = new Select<>();
    final Checkbox personalData = new Checkbox("Holds personal data");
    final IntegerField dormantDays = new IntegerField("Dormant after (days without login)");
    final Button save = new Button("Save");

    SystemDialog(SystemService systems, SystemInfo existing, Runnable saved) {
        setHeaderTitle(existing == null ? "New system" : "Edit " + existing.name());
        criticality.setLabel("Criticality");
        criticality.setItems(SystemInfo.Criticality.values());
        criticality.setValue(existing == null ? SystemInfo.Criticality.MEDIUM : existing.criticality());
        if (existing != null) {
            code.setValue(existing.code());
            name.setValue(existing.name());
            personalData.setValue(existing.personalData());
            dormantDays.setValue(existing.dormantAfterDays());
        }
        add(new FormLayout(code, name, criticality, personalData, dormantDays));
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        save.addClickListener(e -> {
            systems.save(new SystemInfo(existing == null ? null : existing.id(), code.getValue(), name.getValue(),
                    existing == null ? null : existing.ownerPersonId(), criticality.getValue(), personalData.getValue(),
                    dormantDays.getValue(), existing == null ? 0 : existing.version()));
            Toasts.success(name.getValue() + " saved");
            close();
            saved.run();
        });
        getFooter().add(new Button("Cancel", e -> close()), save);
    }
}
