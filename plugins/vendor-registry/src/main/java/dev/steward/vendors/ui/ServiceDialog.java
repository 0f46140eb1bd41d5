package dev.steward.vendors.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.textfield.TextField;
import dev.steward.platform.validation.InvalidInputException;
import dev.steward.vendors.processing.ProvidedService;
import dev.steward.vendors.processing.ProvidedServices;

import java.util.function.Consumer;

/** Add a service the vendor provides. */
class ServiceDialog extends Dialog {

    final TextField name = new TextField("Service");
    final TextArea description = new TextArea("Description");
    final Button save = new Button("Add");

    ServiceDialog(ProvidedServices services, long vendorId, Consumer<ProvidedService> onSaved) {
        setHeaderTitle("Add service");
        name.setPlaceholder("e.g. payment processing, email delivery");
        name.setWidthFull();
        description.setWidthFull();
        add(name, description);
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        save.addClickListener(e -> {
            try {
                ProvidedService saved = services.save(new ProvidedService(null, vendorId, name.getValue(), description.getValue(), 0));
                close();
                onSaved.accept(saved);
            } catch (InvalidInputException ex) {
                name.setErrorMessage(ex.getMessage());
                name.setInvalid(true);
            }
        });
        getFooter().add(new Button("Cancel", e -> close()), save);
    }
}
