package dev.steward.dsr.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.EmailField;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import dev.steward.dsr.DsrPermissions;
import dev.steward.dsr.intake.Mailboxes;
import dev.steward.platform.spi.RequiresPermission;
import dev.steward.platform.ui.Buttons;
import dev.steward.platform.ui.FieldErrors;
import dev.steward.platform.ui.Toasts;
import dev.steward.platform.validation.InvalidInputException;
import jakarta.annotation.security.PermitAll;

import java.util.Map;

/** Where requests come in: the public page's address, and the published mailboxes that feed the queue. */
@Route("requests/intake")
@PageTitle("Request intake · Steward")
@PermitAll
@RequiresPermission(DsrPermissions.ADMIN)
public class IntakeSettingsView extends VerticalLayout {

    final EmailField address = new EmailField("Published address");
    final TextField note = new TextField("Where it is published (optional)");
    final Button add = new Button("Add mailbox", e -> add());
    final Grid<Mailboxes.Mailbox> grid = new Grid<>();
    private final Mailboxes mailboxes;

    public IntakeSettingsView(Mailboxes mailboxes) {
        this.mailboxes = mailboxes;
        note.setMaxLength(200);
        grid.addColumn(Mailboxes.Mailbox::address).setHeader("Address").setFlexGrow(1);
        grid.addColumn(m -> m.note() == null ? "" : m.note()).setHeader("Published in").setFlexGrow(1);
        grid.addComponentColumn(m -> Buttons.small("Remove", () -> remove(m))).setHeader("").setAutoWidth(true).setFlexGrow(0);
        grid.setAllRowsVisible(true);
        HorizontalLayout adding = new HorizontalLayout(address, note, add);
        adding.setAlignItems(FlexComponent.Alignment.BASELINE);
        adding.setWrap(true);
        add(new H2("Request intake"),
                new Paragraph("Anyone can make a request, without an account, on the public request page; they confirm "
                        + "their email address with a code before the request reaches the queue."),
                new Anchor("privacy-request", "Open the public request page"),
                new H2("Published mailboxes"),
                new Paragraph("The addresses your privacy policies give for requests. Requests mailed to any of them feed "
                        + "the same queue; whoever logs one records which mailbox it came to."),
                adding, grid);
        refresh();
    }

    private void add() {
        try {
            Mailboxes.Mailbox added = mailboxes.add(address.getValue(), note.getValue());
            FieldErrors.clear(Map.of("address", address, "note", note));
            address.clear();
            note.clear();
            Toasts.success(added.address() + " added");
            refresh();
        } catch (InvalidInputException invalid) {
            FieldErrors.show(Map.of("address", address, "note", note), invalid).ifPresent(Toasts::error);
        }
    }

    private void remove(Mailboxes.Mailbox mailbox) {
        mailboxes.remove(mailbox.id());
        Toasts.success(mailbox.address() + " removed: requests logged from it keep saying so");
        refresh();
    }

    private void refresh() {
        grid.setItems(mailboxes.list());
    }
}
