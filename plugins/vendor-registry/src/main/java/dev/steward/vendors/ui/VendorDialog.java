package dev.steward.vendors.ui;

import com.vaadin.flow.component.HasValidation;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.H4;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.EmailField;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.textfield.TextField;
import dev.steward.platform.security.CurrentUser;
import dev.steward.platform.ui.FieldErrors;
import dev.steward.platform.ui.Toasts;
import dev.steward.platform.validation.InvalidInputException;
import dev.steward.vendors.VendorPermissions;
import dev.steward.vendors.registry.AccessLevel;
import dev.steward.vendors.registry.Contact;
import dev.steward.vendors.registry.Criticality;
import dev.steward.vendors.registry.PersonChoice;
import dev.steward.vendors.registry.Vendor;
import dev.steward.vendors.registry.VendorForm;
import dev.steward.vendors.registry.VendorRegistry;
import dev.steward.vendors.registry.VendorStatus;
import dev.steward.platform.validation.ConcurrentChangeException;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Consumer;

/** Add or edit a vendor with its contacts; a conflicting save keeps what was typed and says so. */
class VendorDialog extends Dialog {

    final TextField legalName = new TextField("Legal name");
    final TextField tradingName = new TextField("Trading name");
    final TextField website = new TextField("Website");
    final ComboBox<String> hqCountry = new ComboBox<>("HQ country");
    final Select<VendorStatus> status = new Select<>();
    final Select<Criticality> criticality = new Select<>();
    final Select<AccessLevel> accessLevel = new Select<>();
    final ComboBox<PersonChoice> owner = new ComboBox<>("Business owner");
    final TextArea description = new TextArea("Description");
    final Grid<Contact> contactGrid = new Grid<>();
    final TextField contactName = new TextField("Contact name");
    final TextField contactRole = new TextField("Role");
    final EmailField contactEmail = new EmailField("Email");
    final TextField contactPhone = new TextField("Phone");
    final Checkbox securityContact = new Checkbox("Security contact");
    final Checkbox privacyContact = new Checkbox("Privacy contact");
    final Button addContact = new Button("Add contact");
    final Button save = new Button("Save");
    private final List<Contact> contacts = new ArrayList<>();
    private final Map<String, HasValidation> fields;
    private final VendorRegistry registry;
    private final Vendor vendor;
    private final Consumer<Vendor> onSaved;

    VendorDialog(VendorRegistry registry, Vendor vendor, Consumer<Vendor> onSaved) {
        this.registry = registry;
        this.vendor = vendor;
        this.onSaved = onSaved;
        setHeaderTitle(vendor == null ? "Add vendor" : "Edit " + vendor.legalName());
        setWidth("min(56rem, 95vw)");
        hqCountry.setItems(List.of(Locale.getISOCountries()));
        hqCountry.setItemLabelGenerator(c -> c + " " + dev.steward.vendors.Countries.name(c));
        status.setLabel("Status");
        status.setItems(VendorStatus.values());
        status.setItemLabelGenerator(s -> VendorGrid.label(s.name()));
        criticality.setLabel("Criticality");
        criticality.setItems(Criticality.values());
        criticality.setItemLabelGenerator(c -> VendorGrid.label(c.name()));
        accessLevel.setLabel("Access to our data and systems");
        accessLevel.setItems(AccessLevel.values());
        accessLevel.setItemLabelGenerator(a -> VendorGrid.label(a.name()));
        boolean editor = CurrentUser.hasPermission(VendorPermissions.EDIT);
        owner.setItemLabelGenerator(PersonChoice::toString);
        if (editor) {
            owner.setItems(query -> registry.ownerCandidates(query.getFilter().orElse(""), query.getOffset(), query.getLimit()).stream());
        } else {
            owner.setReadOnly(true);
        }
        fields = Map.of("legalName", legalName, "website", website, "hqCountry", hqCountry, "owner", owner, "contacts", contactName,
                "tradingName", tradingName, "description", description);

        contactGrid.addColumn(Contact::name).setHeader("Name");
        contactGrid.addColumn(c -> c.role() == null ? "" : c.role()).setHeader("Role");
        contactGrid.addColumn(c -> c.email() == null ? "" : c.email()).setHeader("Email");
        contactGrid.addColumn(c -> (c.securityContact() ? "security " : "") + (c.privacyContact() ? "privacy" : "")).setHeader("For");
        contactGrid.addComponentColumn(c -> new Button("Remove", e -> {
            contacts.remove(c);
            contactGrid.setItems(contacts);
        })).setAutoWidth(true);
        contactGrid.setAllRowsVisible(true);
        addContact.addClickListener(e -> addContact());

        FormLayout form = new FormLayout(legalName, tradingName, website, hqCountry, status, criticality, accessLevel, owner, description);
        form.setColspan(description, 2);
        HorizontalLayout newContact = new HorizontalLayout(contactName, contactRole, contactEmail, contactPhone, securityContact, privacyContact, addContact);
        newContact.setAlignItems(FlexComponent.Alignment.BASELINE);
        newContact.getStyle().set("flex-wrap", "wrap");
        add(form, new H4("Contacts"), contactGrid, newContact);
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        save.addClickListener(e -> save());
        getFooter().add(new Button("Cancel", e -> close()), save);
        fill();
    }

    private void fill() {
        if (vendor == null) {
            status.setValue(VendorStatus.PROSPECT);
            criticality.setValue(Criticality.MEDIUM);
            accessLevel.setValue(AccessLevel.NONE);
            return;
        }
        legalName.setValue(vendor.legalName());
        tradingName.setValue(vendor.tradingName() == null ? "" : vendor.tradingName());
        website.setValue(vendor.website() == null ? "" : vendor.website());
        hqCountry.setValue(vendor.hqCountry());
        status.setValue(vendor.status());
        criticality.setValue(vendor.criticality());
        accessLevel.setValue(vendor.accessLevel());
        description.setValue(vendor.description() == null ? "" : vendor.description());
        if (vendor.ownerPersonId() != null) {
            registry.person(vendor.ownerPersonId()).ifPresent(p -> {
                if (owner.isReadOnly()) {
                    owner.setItems(List.of(p));
                }
                owner.setValue(p);
            });
        }
        contacts.addAll(vendor.contacts());
        contactGrid.setItems(contacts);
    }

    void addContact() {
        if (contactName.getValue().isBlank()) {
            contactName.setErrorMessage("A contact needs a name");
            contactName.setInvalid(true);
            return;
        }
        contactName.setInvalid(false);
        contacts.add(new Contact(null, contactName.getValue(), contactRole.getValue(), contactEmail.getValue(), contactPhone.getValue(),
                securityContact.getValue(), privacyContact.getValue()));
        contactGrid.setItems(contacts);
        List.of(contactName, contactRole, contactPhone).forEach(TextField::clear);
        contactEmail.clear();
        securityContact.clear();
        privacyContact.clear();
    }

    void save() {
        FieldErrors.clear(fields);
        VendorForm form = new VendorForm(vendor == null ? null : vendor.id(), vendor == null ? 0 : vendor.version(), legalName.getValue(),
                tradingName.getValue(), website.getValue(), hqCountry.getValue(), status.getValue(), owner.getValue() == null ? null : owner.getValue().id(),
                criticality.getValue(), accessLevel.getValue(), description.getValue(), List.copyOf(contacts));
        try {
            Vendor saved = registry.save(form);
            Toasts.success(saved.legalName() + " saved");
            close();
            onSaved.accept(saved);
        } catch (InvalidInputException e) {
            FieldErrors.show(fields, e).ifPresent(Toasts::error);
        } catch (ConcurrentChangeException e) {
            Toasts.error(e.getMessage());
        }
    }
}
