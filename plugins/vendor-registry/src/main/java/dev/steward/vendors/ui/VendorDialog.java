package dev.steward.vendors.ui;

import com.vaadin.flow.component.HasValidation;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.html.H4;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.EmailField;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.data.binder.Binder;
import com.vaadin.flow.data.converter.Converter;
import dev.steward.platform.security.CurrentUser;
import dev.steward.platform.ui.Binders;
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
    final ContactList contactList = new ContactList();
    final TextField contactName = new TextField("Contact name");
    final TextField contactRole = new TextField("Role");
    final EmailField contactEmail = new EmailField("Email");
    final TextField contactPhone = new TextField("Phone");
    final Checkbox securityContact = new Checkbox("Security contact");
    final Checkbox privacyContact = new Checkbox("Privacy contact");
    final Button addContact = new Button("Add contact");
    final Button save = new Button("Save");
    private final Binder<VendorForm> binder = Binders.binder(VendorForm.class);
    private final Map<String, HasValidation> fields;
    private final VendorRegistry registry;
    private final Consumer<Vendor> onSaved;

    VendorDialog(VendorRegistry registry, Vendor vendor, Consumer<Vendor> onSaved) {
        this.registry = registry;
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

        addContact.addClickListener(e -> addContact());

        FormLayout form = new FormLayout(legalName, tradingName, website, hqCountry, status, criticality, accessLevel, owner, description);
        form.setColspan(description, 2);
        HorizontalLayout newContact = new HorizontalLayout(contactName, contactRole, contactEmail, contactPhone, securityContact, privacyContact, addContact);
        newContact.setAlignItems(FlexComponent.Alignment.BASELINE);
        newContact.getStyle().set("flex-wrap", "wrap");
        add(form, new H4("Contacts"), contactList, newContact);
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        save.addClickListener(e -> save());
        getFooter().add(new Button("Cancel", e -> close()), save);
        bind();
        binder.readRecord(vendor == null ? blank() : form(vendor));
    }

    /** Binds every field to its component of the form; the id and version are held, not shown. */
    private void bind() {
        Binders.<Long>hold(binder, "id");
        Binders.<Integer>hold(binder, "version");
        binder.forField(legalName).withConverter(Binders.text()).bind("legalName");
        binder.forField(tradingName).withConverter(Binders.text()).bind("tradingName");
        binder.forField(website).withConverter(Binders.text()).bind("website");
        binder.forField(hqCountry).bind("hqCountry");
        binder.forField(status).bind("status");
        binder.forField(owner).withConverter(Converter.<PersonChoice, Long>from(p -> p == null ? null : p.id(), this::ownerChoice,
                Exception::getMessage)).bind("ownerPersonId");
        binder.forField(criticality).bind("criticality");
        binder.forField(accessLevel).bind("accessLevel");
        binder.forField(description).withConverter(Binders.text()).bind("description");
        binder.forField(contactList).bind("contacts");
    }

    /** The owner as a choice in the directory (a read-only box, which has no items to search, gets it as its one item). */
    private PersonChoice ownerChoice(Long personId) {
        PersonChoice p = personId == null ? null : registry.person(personId).orElse(null);
        if (p != null && owner.isReadOnly()) {
            owner.setItems(List.of(p));
        }
        return p;
    }

    /** What a new vendor's form starts with. */
    private static VendorForm blank() {
        return new VendorForm(null, 0, null, null, null, null, VendorStatus.PROSPECT, null, Criticality.MEDIUM, AccessLevel.NONE, null,
                List.of());
    }

    private static VendorForm form(Vendor v) {
        return new VendorForm(v.id(), v.version(), v.legalName(), v.tradingName(), v.website(), v.hqCountry(), v.status(),
                v.ownerPersonId(), v.criticality(), v.accessLevel(), v.description(), v.contacts());
    }

    void addContact() {
        if (contactName.getValue().isBlank()) {
            contactName.setErrorMessage("A contact needs a name");
            contactName.setInvalid(true);
            return;
        }
        contactName.setInvalid(false);
        contactList.add(new Contact(null, contactName.getValue(), contactRole.getValue(), contactEmail.getValue(), contactPhone.getValue(),
                securityContact.getValue(), privacyContact.getValue()));
        List.of(contactName, contactRole, contactPhone).forEach(TextField::clear);
        contactEmail.clear();
        securityContact.clear();
        privacyContact.clear();
    }

    void save() {
        FieldErrors.clear(fields);
        VendorForm form = Binders.written(binder);
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
