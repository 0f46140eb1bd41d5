package dev.steward.vendors.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.textfield.TextField;
import dev.steward.platform.validation.InvalidInputException;
import dev.steward.vendors.processing.ProvidedService;
import dev.steward.vendors.processing.ProvidedServices.ServiceChoice;

/** Record that a service relies on another vendor's service; a link closing a cycle is refused with the cycle named. */
class SubProcessorDialog extends Dialog {

    final ComboBox<ServiceChoice> subService = new ComboBox<>("Relies on the service");
    final TextField purpose = new TextField("For");
    final Button save = new Button("Add");

    SubProcessorDialog(VendorUiServices services, ProvidedService service, Runnable onSaved) {
        setHeaderTitle(service.name() + ": add a sub-processor");
        subService.setItems(q -> services.services().search(q.getFilter().orElse(""), q.getOffset(), q.getLimit()).stream());
        subService.setItemLabelGenerator(ServiceChoice::toString);
        subService.setWidthFull();
        purpose.setWidthFull();
        add(subService, purpose);
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        save.addClickListener(e -> {
            if (subService.getValue() == null) {
                subService.setErrorMessage("Choose the service");
                subService.setInvalid(true);
                return;
            }
            try {
                services.subProcessors().add(service.id(), subService.getValue().id(), purpose.getValue());
                close();
                onSaved.run();
            } catch (InvalidInputException ex) {
                subService.setErrorMessage(ex.getMessage());
                subService.setInvalid(true);
            }
        });
        getFooter().add(new Button("Cancel", e -> close()), save);
    }
}
