package dev.steward.dsr.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.TextArea;
import dev.steward.dsr.fulfilment.DeletionExceptions;
import dev.steward.dsr.fulfilment.ExceptionBasis;
import dev.steward.dsr.requests.RightsRequest;
import dev.steward.platform.ui.FieldErrors;
import dev.steward.platform.ui.Toasts;
import dev.steward.platform.validation.InvalidInputException;

import java.util.Map;

/** Records data of one category kept despite the deletion, with the legal basis (of the request's law) and the reason. */
class ExceptionDialog extends Dialog {

    final ComboBox<String> category = new ComboBox<>("Category of data kept");
    final ComboBox<ExceptionBasis> basis = new ComboBox<>("Legal basis");
    final TextArea reason = new TextArea("Reason (the requester is told)");
    final Button save = new Button("Record exception");

    ExceptionDialog(RightsRequest request, Map<String, String> categories, DeletionExceptions exceptions, Runnable changed) {
        setHeaderTitle("Keep data despite the deletion");
        category.setItems(categories.keySet().stream().sorted(java.util.Comparator.comparing(categories::get)).toList());
        category.setItemLabelGenerator(code -> categories.getOrDefault(code, code));
        category.setWidthFull();
        basis.setItems(ExceptionBasis.offeredFor(request.regime()));
        basis.setItemLabelGenerator(ExceptionBasis::label);
        basis.setWidthFull();
        reason.setWidthFull();
        reason.setMaxLength(2000);
        VerticalLayout body = new VerticalLayout(category, basis, reason);
        body.setPadding(false);
        add(body);
        setWidth("640px");
        Map<String, com.vaadin.flow.component.HasValidation> fields = Map.of("category", category, "basis", basis, "reason", reason);
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        save.addClickListener(e -> {
            FieldErrors.clear(fields);
            try {
                exceptions.record(request.id(), category.getValue(), basis.getValue(), reason.getValue());
                close();
                changed.run();
            } catch (InvalidInputException invalid) {
                FieldErrors.show(fields, invalid).ifPresent(Toasts::error);
            }
        });
        getFooter().add(new Button("Cancel", e -> close()), save);
    }
}
