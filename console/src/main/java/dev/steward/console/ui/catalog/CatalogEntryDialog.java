package dev.steward.console.ui.catalog;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.TextField;
import dev.steward.platform.ui.Toasts;
import dev.steward.platform.catalog.CatalogEntry;
import dev.steward.platform.catalog.CatalogKind;
import dev.steward.platform.catalog.PrivacyCatalog;
import dev.steward.platform.validation.ConcurrentChangeException;

/** Add or edit a catalogue entry; retire/restore or delete an existing one (delete is refused while it is used). */
class CatalogEntryDialog extends Dialog {

    final TextField code = new TextField("Code");
    final TextField name = new TextField("Name");
    final TextField description = new TextField("Description");
    final Select<Integer> sensitivity = new Select<>();
    final Checkbox special = new Checkbox("Special category");
    final TextField article = new TextField("Article / citation");
    final Checkbox eea = new Checkbox("EEA member");
    final Checkbox adequacy = new Checkbox("EU adequacy decision");
    final TextField adequacyNote = new TextField("Adequacy note");
    final Paragraph error = new Paragraph();

    CatalogEntryDialog(PrivacyCatalog catalog, CatalogEntry entry, Runnable changed) {
        setHeaderTitle((entry.id() == null ? "Add to " : "Edit ") + entry.kind().label().toLowerCase());
        sensitivity.setLabel("Sensitivity");
        sensitivity.setItems(1, 2, 3, 4);
        sensitivity.setItemLabelGenerator(s -> s + " — " + new String[]{"", "low", "medium", "high", "very high"}[s]);
        code.setValue(entry.code());
        name.setValue(entry.name());
        description.setValue(entry.description() == null ? "" : entry.description());
        sensitivity.setValue(entry.sensitivity());
        special.setValue(entry.specialCategory());
        article.setValue(entry.article() == null ? "" : entry.article());
        eea.setValue(entry.eea());
        adequacy.setValue(entry.euAdequacy());
        adequacyNote.setValue(entry.adequacyNote() == null ? "" : entry.adequacyNote());
        FormLayout form = new FormLayout(code, name, description);
        switch (entry.kind()) {
            case DATA_CATEGORY -> form.add(sensitivity, special, article);
            case LEGAL_BASIS -> form.add(article);
            case JURISDICTION -> form.add(eea, adequacy, adequacyNote);
            default -> { }
        }
        error.getStyle().set("color", "var(--lumo-error-text-color)");
        add(form, error);
        Button save = new Button("Save", e -> act(() -> catalog.save(new CatalogEntry(entry.id(), entry.kind(), code.getValue(),
                name.getValue(), description.getValue(), entry.kind() == CatalogKind.DATA_CATEGORY ? sensitivity.getValue() : null,
                special.getValue(), article.getValue(), eea.getValue(), adequacy.getValue(), adequacyNote.getValue(),
                entry.retired(), entry.version())), "Saved " + name.getValue(), changed));
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        getFooter().add(new Button("Cancel", e -> close()));
        if (entry.id() != null) {
            Button retire = new Button(entry.retired() ? "Restore" : "Retire", e -> act(() ->
                    catalog.setRetired(entry.id(), entry.version(), !entry.retired()), entry.name() + (entry.retired() ? " restored" : " retired"), changed));
            Button delete = new Button("Delete", e -> act(() -> catalog.delete(entry.id(), entry.version()), entry.name() + " deleted", changed));
            delete.addThemeVariants(ButtonVariant.LUMO_ERROR);
            getFooter().add(delete, retire);
        }
        getFooter().add(save);
    }

    private void act(Runnable action, String done, Runnable changed) {
        try {
            action.run();
        } catch (IllegalArgumentException | ConcurrentChangeException ex) {
            error.setText(ex.getMessage());
            return;
        }
        Toasts.success(done);
        changed.run();
        close();
    }
}
