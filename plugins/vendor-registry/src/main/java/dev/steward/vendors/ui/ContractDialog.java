package dev.steward.vendors.ui;

import com.vaadin.flow.component.HasValidation;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.datepicker.DatePicker;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.IntegerField;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.data.binder.Binder;
import dev.steward.platform.ui.Binders;
import dev.steward.platform.ui.FieldErrors;
import dev.steward.platform.ui.Toasts;
import dev.steward.platform.validation.InvalidInputException;
import dev.steward.vendors.contracts.Contract;
import dev.steward.vendors.contracts.ContractForm;
import dev.steward.vendors.contracts.ContractStatus;
import dev.steward.vendors.contracts.ContractType;
import dev.steward.vendors.contracts.Contracts;
import dev.steward.platform.validation.ConcurrentChangeException;

import java.util.Map;

/** Add or edit a contract (MSA, DPA, SCCs, BAA, NDA) with its dates, renewal and notice period. */
class ContractDialog extends Dialog {

    final Select<ContractType> type = new Select<>();
    final TextField title = new TextField("Title");
    final Select<ContractStatus> status = new Select<>();
    final DatePicker signedOn = new DatePicker("Signed on");
    final DatePicker effectiveOn = new DatePicker("Effective from");
    final DatePicker endsOn = new DatePicker("Ends on (end of term)");
    final Checkbox autoRenewal = new Checkbox("Renews automatically");
    final IntegerField renewalMonths = new IntegerField("Renewal term (months)");
    final IntegerField noticeDays = new IntegerField("Notice period (days)");
    final Button save = new Button("Save");
    private final Binder<ContractForm> binder = Binders.binder(ContractForm.class);

    ContractDialog(Contracts contracts, long vendorId, Contract existing, Runnable onSaved) {
        setHeaderTitle(existing == null ? "Add contract" : "Edit contract");
        type.setLabel("Type");
        type.setItems(ContractType.values());
        type.setItemLabelGenerator(ContractType::label);
        status.setLabel("Status");
        status.setItems(ContractStatus.values());
        status.setItemLabelGenerator(s -> VendorGrid.label(s.name()));
        Map<String, HasValidation> fields = Map.of("type", type, "title", title, "status", status, "signedOn", signedOn, "effectiveOn", effectiveOn,
                "endsOn", endsOn, "renewalMonths", renewalMonths, "noticeDays", noticeDays);
        add(new FormLayout(type, title, status, signedOn, effectiveOn, endsOn, autoRenewal, renewalMonths, noticeDays));
        bind();
        binder.readRecord(existing == null
                ? new ContractForm(null, 0, vendorId, ContractType.DPA, null, ContractStatus.DRAFT, null, null, null, false, null, null)
                : new ContractForm(existing.id(), existing.version(), vendorId, existing.type(), existing.title(), existing.status(),
                        existing.signedOn(), existing.effectiveOn(), existing.endsOn(), existing.autoRenewal(), existing.renewalMonths(),
                        existing.noticeDays()));
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        save.addClickListener(e -> {
            FieldErrors.clear(fields);
            try {
                contracts.save(Binders.written(binder));
                close();
                onSaved.run();
            } catch (InvalidInputException ex) {
                FieldErrors.show(fields, ex).ifPresent(Toasts::error);
            } catch (ConcurrentChangeException ex) {
                Toasts.error(ex.getMessage());
            }
        });
        getFooter().add(new Button("Cancel", e -> close()), save);
    }

    /** Binds every field to its component of the form; the id, version and vendor are held, not shown. */
    private void bind() {
        Binders.<Long>hold(binder, "id");
        Binders.<Integer>hold(binder, "version");
        Binders.<Long>hold(binder, "vendorId");
        binder.forField(type).bind("type");
        binder.forField(title).withConverter(Binders.text()).bind("title");
        binder.forField(status).bind("status");
        binder.forField(signedOn).bind("signedOn");
        binder.forField(effectiveOn).bind("effectiveOn");
        binder.forField(endsOn).bind("endsOn");
        binder.forField(autoRenewal).bind("autoRenewal");
        binder.forField(renewalMonths).bind("renewalMonths");
        binder.forField(noticeDays).bind("noticeDays");
    }
}
