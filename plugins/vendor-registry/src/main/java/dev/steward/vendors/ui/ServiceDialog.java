package dev.steward.vendors.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.data.binder.Binder;
import dev.steward.platform.ui.Binders;
import dev.steward.platform.validation.InvalidInputException;
import dev.steward.vendors.processing.ProvidedService;
import dev.steward.vendors.processing.ProvidedServices;

import java.util.function.Consumer;

/** Add a service the vendor provides. */
class ServiceDialog extends Dialog {

    final TextField name = new TextField("Service");
    final TextArea description = new TextArea("Description");
    final Button save = new Button("Add");
    private final Binder<ProvidedService> binder = Binders.binder(ProvidedService.class);

    ServiceDialog(ProvidedServices services, long vendorId, Consumer<ProvidedService> onSaved) {
        setHeaderTitle("Add service");
        name.setPlaceholder("e.g. payment processing, email delivery");
        name.setWidthFull();
        description.setWidthFull();
        add(name, description);
        Binders.<Long>hold(binder, "id");
        Binders.<Long>hold(binder, "vendorId");
        Binders.<Integer>hold(binder, "version");
        binder.forField(name).withConverter(Binders.text()).bind("name");
        binder.forField(description).withConverter(Binders.text()).bind("description");
        binder.readRecord(new ProvidedService(null, vendorId, null, null, 0));
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        save.addClickListener(e -> {
            try {
                ProvidedService saved = services.save(Binders.written(binder));
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
