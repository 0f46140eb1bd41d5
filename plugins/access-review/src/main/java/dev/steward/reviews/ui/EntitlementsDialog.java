package dev.steward.reviews.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.H4;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.data.value.ValueChangeMode;
import dev.steward.platform.ui.Toasts;
import dev.steward.reviews.systems.EntitlementRow;
import dev.steward.reviews.systems.Entitlements;
import dev.steward.reviews.systems.PrivilegedRulePreview;
import dev.steward.reviews.systems.SystemInfo;
import dev.steward.reviews.systems.SystemService;

/**
 * A system's entitlements: how many accounts hold each now, the privileged marking one by one, and (for
 * administrators) marking every entitlement whose name matches a pattern, after a preview.
 */
class EntitlementsDialog extends Dialog {

    final TextField filter = new TextField();
    final Grid<EntitlementRow> grid = new Grid<>();
    final TextField pattern = new TextField("Mark privileged by name");
    final Button preview = new Button("Preview");
    final Button apply = new Button("Mark privileged", VaadinIcon.STAR.create());
    final Paragraph ruleStatus = new Paragraph();
    private final SystemInfo system;
    private final SystemService systems;
    private final Entitlements entitlements;
    private final boolean canAdminister;

    EntitlementsDialog(SystemService systems, Entitlements entitlements, SystemInfo system, boolean canAdminister) {
        this.system = system;
        this.systems = systems;
        this.entitlements = entitlements;
        this.canAdminister = canAdminister;
        setHeaderTitle("Entitlements of " + system.name());
        setWidth("min(60rem, 95vw)");
        setHeight("min(48rem, 95vh)");
        filter.setPlaceholder("Filter by name");
        filter.setPrefixComponent(VaadinIcon.SEARCH.create());
        filter.setClearButtonVisible(true);
        filter.setValueChangeMode(ValueChangeMode.LAZY);
        filter.addValueChangeListener(e -> grid.getDataProvider().refreshAll());
        grid.addColumn(EntitlementRow::name).setHeader("Entitlement").setFlexGrow(2);
        grid.addColumn(r -> r.description() == null ? "" : r.description()).setHeader("Description").setFlexGrow(2);
        grid.addColumn(EntitlementRow::holders).setHeader("Current holders").setAutoWidth(true);
        grid.addComponentColumn(this::privileged).setHeader("Privileged").setKey("privileged").setAutoWidth(true);
        grid.setItems(q -> entitlements.list(system.id(), filter.getValue(), q.getOffset(), q.getLimit()).stream(),
                q -> entitlements.count(system.id(), filter.getValue()));
        grid.setHeight("24rem");
        add(filter, grid);
        if (canAdminister) {
            pattern.setPlaceholder("%ADMIN%");
            pattern.setHelperText("% or * any text, _ one character; not case-sensitive");
            pattern.setWidth("20rem");
            pattern.addValueChangeListener(e -> {
                apply.setEnabled(false);
                ruleStatus.setText("");
            });
            preview.addClickListener(e -> preview());
            apply.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
            apply.setEnabled(false);
            apply.addClickListener(e -> apply());
            HorizontalLayout rule = new HorizontalLayout(pattern, preview, apply);
            rule.setDefaultVerticalComponentAlignment(FlexComponent.Alignment.BASELINE);
            add(new H4("Mark by rule"), rule, ruleStatus);
        }
        getFooter().add(new Button("Close", e -> close()));
    }

    private Checkbox privileged(EntitlementRow row) {
        Checkbox box = new Checkbox(row.privileged());
        box.setEnabled(canAdminister);
        box.setAriaLabel("Privileged: " + row.name());
        box.addValueChangeListener(e -> {
            try {
                systems.setPrivileged(system.id(), row.name(), e.getValue());
                Toasts.success(row.name() + (e.getValue() ? " is privileged" : " is no longer privileged"));
            } catch (IllegalArgumentException ex) {
                Toasts.error(ex.getMessage());
            }
            grid.getDataProvider().refreshAll();
        });
        return box;
    }

    private void preview() {
        pattern.setInvalid(false);
        try {
            PrivilegedRulePreview p = entitlements.previewPrivilegedRule(system.id(), pattern.getValue());
            ruleStatus.setText(p.matching() + (p.matching() == 1 ? " entitlement matches " : " entitlements match ") + p.pattern() + "; "
                    + (p.toMark() == 0 ? "all of them are privileged already." : p.toMark() + " will be marked privileged: "
                    + String.join(", ", p.sample()) + (p.toMark() > p.sample().size() ? ", …" : "")));
            apply.setEnabled(p.toMark() > 0);
        } catch (IllegalArgumentException ex) {
            pattern.setErrorMessage(ex.getMessage());
            pattern.setInvalid(true);
            apply.setEnabled(false);
        }
    }

    private void apply() {
        try {
            int marked = entitlements.markPrivilegedByRule(system.id(), pattern.getValue());
            ruleStatus.setText(marked + (marked == 1 ? " entitlement" : " entitlements") + " marked privileged.");
            Toasts.success(ruleStatus.getText());
        } catch (IllegalArgumentException ex) {
            pattern.setErrorMessage(ex.getMessage());
            pattern.setInvalid(true);
        }
        apply.setEnabled(false);
        grid.getDataProvider().refreshAll();
    }
}
