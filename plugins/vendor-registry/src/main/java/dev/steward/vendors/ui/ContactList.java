package dev.steward.vendors.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.AbstractCompositeField;
import com.vaadin.flow.component.grid.Grid;
import dev.steward.vendors.registry.Contact;

import java.util.ArrayList;
import java.util.List;

/** A vendor's contacts in a grid, each removable: a field whose value is the list, so that the vendor's Binder moves it. */
class ContactList extends AbstractCompositeField<Grid<Contact>, ContactList, List<Contact>> {

    private final List<Contact> contacts = new ArrayList<>();

    ContactList() {
        super(List.of());
        Grid<Contact> grid = getContent();
        grid.addColumn(Contact::name).setHeader("Name");
        grid.addColumn(c -> c.role() == null ? "" : c.role()).setHeader("Role");
        grid.addColumn(c -> c.email() == null ? "" : c.email()).setHeader("Email");
        grid.addColumn(c -> (c.securityContact() ? "security " : "") + (c.privacyContact() ? "privacy" : "")).setHeader("For");
        grid.addComponentColumn(c -> new Button("Remove", e -> {
            contacts.remove(c);
            changed();
        })).setAutoWidth(true);
        grid.setAllRowsVisible(true);
    }

    void add(Contact contact) {
        contacts.add(contact);
        changed();
    }

    @Override
    protected void setPresentationValue(List<Contact> value) {
        contacts.clear();
        if (value != null) {
            contacts.addAll(value);
        }
        getContent().setItems(contacts);
    }

    /** The user added or removed a contact: the field's value is a copy of the list. */
    private void changed() {
        getContent().setItems(contacts);
        setModelValue(List.copyOf(contacts), true);
    }
}
