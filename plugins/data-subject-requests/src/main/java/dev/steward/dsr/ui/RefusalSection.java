package dev.steward.dsr.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.confirmdialog.ConfirmDialog;
import com.vaadin.flow.component.html.H4;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.TextField;
import dev.steward.dsr.requests.RightsRequest;
import dev.steward.dsr.verification.Ground;
import dev.steward.dsr.verification.Refusals;
import dev.steward.platform.ui.FieldErrors;
import dev.steward.platform.ui.Toasts;
import dev.steward.platform.ui.WhoCan;
import dev.steward.platform.validation.InvalidInputException;

import java.util.Map;

/** Refusing or charging for a request over the access limit, manifestly unfounded or excessive, with the reason. */
class RefusalSection extends VerticalLayout {

    final Select<Ground> ground = new Select<>();
    final TextField reason = new TextField("Reason (the requester is told)");
    final TextField fee = new TextField("Fee");
    final Button deny = new Button("Refuse the request");
    final Button charge = new Button("Ask a fee");
    private final Refusals refusals;
    private final RightsRequest request;
    private final Runnable changed;

    RefusalSection(Refusals refusals, RightsRequest request, Runnable changed, WhoCan who, boolean overLimit) {
        this.refusals = refusals;
        this.request = request;
        this.changed = changed;
        setPadding(false);
        ground.setLabel("Ground");
        ground.setItems(Ground.values());
        ground.setItemLabelGenerator(g -> g.label() + " (" + g.citation() + ")");
        ground.setItemEnabledProvider(g -> g != Ground.OVER_LIMIT || overLimit);
        reason.setWidth("28em");
        fee.setPlaceholder("EUR 25");
        deny.addThemeVariants(ButtonVariant.LUMO_ERROR);
        deny.addClickListener(e -> confirmDenial());
        charge.addClickListener(e -> act(() -> refusals.chargeFee(request.id(), ground.getValue(), fee.getValue(), reason.getValue())));
        who.apply(deny, who.onlyCan("refuse a request"));
        who.apply(charge, who.onlyCan("ask a fee"));
        HorizontalLayout row = new HorizontalLayout(ground, reason, fee, charge, deny);
        row.setAlignItems(FlexComponent.Alignment.BASELINE);
        row.getStyle().set("flex-wrap", "wrap");
        add(new H4("Refuse or charge"), new Paragraph("Only when the request is over the limit, manifestly unfounded or excessive; "
                + "the company must be able to show why."), row);
        setVisible(request.open());
    }

    private void confirmDenial() {
        ConfirmDialog dialog = new ConfirmDialog();
        dialog.setHeader("Refuse " + request.reference() + "?");
        dialog.setText("The request closes as denied and the requester is told the reason. This cannot be undone.");
        dialog.setCancelable(true);
        dialog.setConfirmText("Refuse");
        dialog.setConfirmButtonTheme("error primary");
        dialog.addConfirmListener(e -> act(() -> refusals.deny(request.id(), request.version(), ground.getValue(), reason.getValue())));
        dialog.open();
    }

    private void act(Runnable action) {
        try {
            action.run();
            changed.run();
        } catch (InvalidInputException invalid) {
            FieldErrors.show(Map.of("ground", ground, "reason", reason, "fee", fee), invalid).ifPresent(Toasts::error);
        } catch (dev.steward.platform.validation.ConcurrentChangeException stale) {
            Toasts.error(stale.getMessage());
        }
    }
}
