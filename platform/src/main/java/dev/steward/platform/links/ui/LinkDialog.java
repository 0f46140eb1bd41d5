package dev.steward.platform.links.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.textfield.TextField;
import dev.steward.platform.links.EntityLinks;
import dev.steward.platform.links.EntityRef;
import dev.steward.platform.links.LinkRejectedException;
import dev.steward.platform.spi.EntityLinkProvider;
import dev.steward.platform.spi.EntityLinkProvider.LinkTarget;
import dev.steward.platform.ui.Toasts;

/** Picks a record of another module (typed search among those the user may see) and links it, with an optional note. */
class LinkDialog extends Dialog {

    static final int CANDIDATES = 20;

    final ComboBox<EntityLinkProvider> type = new ComboBox<>("Type of record");
    final ComboBox<LinkTarget> record = new ComboBox<>("Record");
    final TextField note = new TextField("Note (why they are linked)");
    final Button save = new Button("Link");

    LinkDialog(EntityLinks links, EntityRef self, Runnable linked) {
        setHeaderTitle("Link a record");
        type.setItems(links.visibleTypes());
        type.setItemLabelGenerator(EntityLinkProvider::label);
        type.setRequired(true);
        record.setRequired(true);
        record.setEnabled(false);
        record.setItemLabelGenerator(t -> t.detail() == null || t.detail().isBlank() ? t.title() : t.title() + " · " + t.detail());
        record.setPlaceholder("Type to search");
        type.addValueChangeListener(e -> {
            record.clear();
            record.setEnabled(e.getValue() != null);
            if (e.getValue() != null) {
                String chosen = e.getValue().type();
                record.setItems(query -> links.candidates(self, chosen, query.getFilter().orElse(""), CANDIDATES).stream()
                        .skip(query.getOffset()).limit(query.getLimit()));
            }
        });
        note.setMaxLength(EntityLinks.MAX_NOTE);
        note.setWidthFull();
        FormLayout form = new FormLayout(type, record, note);
        form.setColspan(note, 2);
        add(form);
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        save.addClickListener(e -> {
            if (type.getValue() == null || record.getValue() == null) {
                record.setInvalid(true);
                record.setErrorMessage("Choose the record to link");
                return;
            }
            try {
                links.link(self, new EntityRef(type.getValue().type(), record.getValue().id()), note.getValue());
                Toasts.success("Linked " + record.getValue().title());
                close();
                linked.run();
            } catch (LinkRejectedException rejected) {
                record.setInvalid(true);
                record.setErrorMessage(rejected.getMessage());
            }
        });
        getFooter().add(new Button("Cancel", e -> close()), save);
        setWidth("min(40rem, 95vw)");
    }
}
