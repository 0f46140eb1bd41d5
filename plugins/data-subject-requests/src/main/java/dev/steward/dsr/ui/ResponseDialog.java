package dev.steward.dsr.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.confirmdialog.ConfirmDialog;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.data.value.ValueChangeMode;
import dev.steward.dsr.fulfilment.Responses;
import dev.steward.dsr.requests.RightsRequest;
import dev.steward.platform.ui.FieldErrors;
import dev.steward.platform.ui.Toasts;
import dev.steward.platform.validation.InvalidInputException;

import java.util.Map;

/**
 * The letter before it is stored: the text built from the tasks and exceptions, read only, and the officer's own
 * words to the requester, which they may write; storing asks to confirm, as a stored letter cannot be changed.
 */
class ResponseDialog extends Dialog {

    final TextArea note = new TextArea("Your words to the requester (optional)");
    final TextArea preview = new TextArea("The letter as it will be stored");
    final Button store = new Button("Store the response…");
    ConfirmDialog confirm;

    ResponseDialog(RightsRequest request, Responses responses, Runnable changed) {
        setHeaderTitle("Response to " + request.reference());
        note.setMaxLength(4000);
        note.setWidthFull();
        note.setHelperText("Put in the letter before its closing lines, e.g. an apology for a delay or what to expect next");
        note.setValueChangeMode(ValueChangeMode.LAZY);
        preview.setReadOnly(true);
        preview.setWidthFull();
        preview.setHeight("320px");
        preview.setValue(responses.preview(request.id(), null));
        note.addValueChangeListener(e -> {
            try {
                preview.setValue(responses.preview(request.id(), e.getValue()));
                note.setInvalid(false);
            } catch (InvalidInputException invalid) {
                FieldErrors.show(Map.of("note", note), invalid).ifPresent(Toasts::error);
            }
        });
        VerticalLayout body = new VerticalLayout(new Paragraph("What was done, what was kept and why, and what is enclosed come from the "
                + "tasks and exceptions; change those on the Fulfilment tab."), note, preview);
        body.setPadding(false);
        add(body);
        setWidth("720px");
        store.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        store.addClickListener(e -> confirm(request, responses, changed));
        getFooter().add(new Button("Cancel", x -> close()), store);
    }

    private void confirm(RightsRequest request, Responses responses, Runnable changed) {
        confirm = new ConfirmDialog();
        confirm.setHeader("Store the response to " + request.reference() + "?");
        confirm.setText("The letter (PDF) and, for access and portability, the data package are kept with the request's files as they are "
                + "and cannot be changed afterwards. Record when and how you send them to the requester once you have.");
        confirm.setCancelable(true);
        confirm.setConfirmText("Store");
        confirm.addConfirmListener(e -> {
            try {
                responses.prepare(request.id(), note.getValue());
                Toasts.success("The response is prepared and kept with the request's files");
                close();
                changed.run();
            } catch (InvalidInputException refused) {
                FieldErrors.show(Map.of("note", note), refused).ifPresent(Toasts::error);
            }
        });
        confirm.open();
    }
}
