package dev.steward.vendors.ui;

import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H4;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import dev.steward.vendors.Countries;
import dev.steward.vendors.registry.Contact;
import dev.steward.vendors.registry.Vendor;

/** What the vendor is, who owns it, whom to call, and its open reassessment tasks. */
class OverviewPanel extends VerticalLayout {

    OverviewPanel(VendorUiServices services, Vendor v) {
        setPadding(false);
        add(line("Legal name", v.legalName()), line("Trading name", v.tradingName()), line("Status", VendorGrid.label(v.status().name())),
                line("HQ", v.hqCountry() == null ? null : v.hqCountry() + " " + Countries.name(v.hqCountry())),
                line("Business owner", v.ownerName()), line("Criticality", VendorGrid.label(v.criticality().name())),
                line("Access to our data and systems", VendorGrid.label(v.accessLevel().name())));
        if (v.website() != null) {
            add(new Anchor(v.website(), v.website()));
        }
        if (v.description() != null) {
            add(new Paragraph(v.description()));
        }
        add(new H4("Contacts"));
        if (v.contacts().isEmpty()) {
            add(new Paragraph("No contacts recorded"));
        }
        for (Contact c : v.contacts()) {
            add(new Div(c.name() + (c.role() == null ? "" : ", " + c.role()) + (c.email() == null ? "" : " · " + c.email())
                    + (c.phone() == null ? "" : " · " + c.phone()) + (c.securityContact() ? " · security contact" : "")
                    + (c.privacyContact() ? " · privacy contact" : "")));
        }
        if (v.contacts().stream().noneMatch(c -> c.securityContact() || c.privacyContact())) {
            Paragraph warning = new Paragraph("No security or privacy contact: who do we call about a breach?");
            warning.getStyle().set("color", "var(--lumo-error-text-color)");
            add(warning);
        }
        var open = services.tasks().ofVendor(v.id()).stream().filter(t -> t.doneAt() == null).toList();
        if (!open.isEmpty()) {
            add(new H4("Reassessment needed"));
            open.forEach(t -> add(new Div(t.reason() + " · due " + t.dueOn())));
        }
    }

    private static Div line(String label, String value) {
        return new Div(label + ": " + (value == null ? "—" : value));
    }
}
