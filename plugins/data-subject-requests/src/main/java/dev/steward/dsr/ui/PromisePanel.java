package dev.steward.dsr.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.IntegerField;
import com.vaadin.flow.component.textfield.TextArea;
import dev.steward.dsr.clocks.Promise;
import dev.steward.dsr.clocks.Promises;
import dev.steward.dsr.requests.Regime;
import dev.steward.platform.ui.DisplayTime;
import dev.steward.platform.ui.FieldErrors;
import dev.steward.platform.ui.Toasts;
import dev.steward.platform.ui.WhoCan;
import dev.steward.platform.validation.InvalidInputException;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The company's promised response times in force, and a form to set or withdraw one (administrators). */
class PromisePanel extends VerticalLayout {

    /** The scope "every regime", as an empty choice of regime. */
    final Select<Optional<Regime>> scope = new Select<>();
    final IntegerField days = new IntegerField("We answer within (days)");
    final TextArea source = new TextArea("Where the company says so");
    final TextArea reason = new TextArea("Why it changes");
    final Button save = new Button("Save promise");
    final Button withdraw = new Button("Withdraw promise");
    final VerticalLayout inForce = new VerticalLayout();
    /** The form, shown to administrators only. */
    final VerticalLayout form;
    private final Promises promises;

    PromisePanel(Promises promises, WhoCan admin) {
        this.promises = promises;
        setPadding(false);
        inForce.setPadding(false);
        inForce.setSpacing(false);
        List<Optional<Regime>> scopes = new ArrayList<>();
        scopes.add(Optional.empty());
        for (Regime r : Regime.values()) {
            scopes.add(Optional.of(r));
        }
        scope.setLabel("For");
        scope.setItems(scopes);
        scope.setItemLabelGenerator(s -> s.map(Regime::label).orElse("Every regime"));
        scope.setValue(Optional.empty());
        source.setPlaceholder("Privacy policy, \"We will respond to your request within 30 days\"");
        source.setWidthFull();
        reason.setWidthFull();
        save.addClickListener(e -> act(() -> promises.promise(scope.getValue().orElse(null), days.getValue(), source.getValue(),
                reason.getValue()), "Promise saved"));
        withdraw.addClickListener(e -> act(() -> promises.withdraw(scope.getValue().orElse(null), reason.getValue()), "Promise withdrawn"));
        form = new VerticalLayout(new HorizontalLayout(scope, days), source, reason, new HorizontalLayout(save, withdraw));
        form.setPadding(false);
        form.setVisible(admin.allowed());
        add(new Paragraph("A promise shorter than the law sets the due date; a longer one gives way to the law. Requests keep the promise they were opened under."),
                inForce, form);
        refresh();
    }

    private void act(Runnable action, String done) {
        try {
            action.run();
            Toasts.success(done);
            FieldErrors.clear(Map.of("days", days, "source", source, "reason", reason));
            reason.clear();
            refresh();
        } catch (InvalidInputException invalid) {
            FieldErrors.show(Map.of("days", days, "source", source, "reason", reason), invalid).ifPresent(Toasts::error);
        }
    }

    void refresh() {
        inForce.removeAll();
        List<Promise> current = promises.current();
        if (current.isEmpty()) {
            inForce.add(new Span("No promise set: the law alone sets due dates, and requests under no law have none."));
        }
        current.forEach(p -> inForce.add(new Span(p.scopeLabel() + ": within " + p.days() + " days (" + p.source() + ") · set "
                + DisplayTime.format(p.changedAt()) + " by " + p.changedBy())));
    }
}
