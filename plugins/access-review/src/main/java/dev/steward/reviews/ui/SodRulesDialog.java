package dev.steward.reviews.ui;

import com.vaadin.flow.component.HasValidation;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.H4;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.textfield.TextField;
import dev.steward.platform.ui.Buttons;
import dev.steward.platform.ui.FieldErrors;
import dev.steward.platform.ui.Toasts;
import dev.steward.platform.validation.InvalidInputException;
import dev.steward.reviews.systems.Entitlements;
import dev.steward.reviews.systems.SodRule;
import dev.steward.reviews.systems.SodRules;
import dev.steward.reviews.systems.SystemInfo;

import java.util.List;
import java.util.Map;

/** Separation-of-duties rules: the list for readers; adding (with every check) and deleting (confirmed) for administrators. */
class SodRulesDialog extends Dialog {

    final Grid<SodRule> grid = new Grid<>();
    final TextField name = new TextField("Rule name");
    final ComboBox<SystemInfo> systemA = new ComboBox<>("System A");
    final ComboBox<String> entitlementA = new ComboBox<>("Entitlement A");
    final ComboBox<SystemInfo> systemB = new ComboBox<>("System B");
    final ComboBox<String> entitlementB = new ComboBox<>("Entitlement B");
    final TextField description = new TextField("Why they conflict (optional)");
    final Button add = new Button("Add rule");
    final Paragraph error = new Paragraph();
    /** The open delete confirmation and its button, for tests. */
    Dialog confirmation;
    Button confirmDelete;
    private final SodRules rules;
    private final Map<String, HasValidation> fields = Map.of("name", name, "systemA", systemA, "entitlementA", entitlementA,
            "systemB", systemB, "entitlementB", entitlementB);

    SodRulesDialog(SodRules rules, Entitlements entitlements, List<SystemInfo> systems, boolean canAdminister) {
        this.rules = rules;
        setHeaderTitle("Separation-of-duties rules");
        setWidth("min(64rem, 95vw)");
        grid.addColumn(SodRule::name).setHeader("Rule").setFlexGrow(2);
        grid.addColumn(SodRule::sideA).setHeader("System A · entitlement A").setFlexGrow(2);
        grid.addColumn(SodRule::sideB).setHeader("System B · entitlement B").setFlexGrow(2);
        if (canAdminister) {
            grid.addComponentColumn(r -> Buttons.small("Delete", () -> askToDelete(r))).setKey("actions").setAutoWidth(true);
        }
        grid.setHeight("18rem");
        add(grid);
        if (canAdminister) {
            picker(systemA, entitlementA, entitlements, systems);
            picker(systemB, entitlementB, entitlements, systems);
            name.setPlaceholder("Create and approve payments");
            add.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
            add.addClickListener(e -> add());
            error.getStyle().set("color", "var(--lumo-error-text-color)");
            FormLayout form = new FormLayout(name, description, systemA, entitlementA, systemB, entitlementB);
            add(new H4("New rule"), form, error, add);
        }
        getFooter().add(new Button("Close", e -> close()));
        refresh();
    }

    private static void picker(ComboBox<SystemInfo> system, ComboBox<String> entitlement, Entitlements entitlements, List<SystemInfo> systems) {
        system.setItems(systems);
        system.setItemLabelGenerator(SystemInfo::name);
        entitlement.setEnabled(false);
        entitlement.setPlaceholder("Choose the system first");
        system.addValueChangeListener(e -> {
            entitlement.clear();
            entitlement.setEnabled(e.getValue() != null);
            if (e.getValue() != null) {
                long id = e.getValue().id();
                entitlement.setItems(q -> entitlements.names(id, q.getFilter().orElse(""), q.getOffset(), q.getLimit()).stream());
                entitlement.setPlaceholder("Search the system's entitlements");
            }
        });
    }

    private void add() {
        fields.values().forEach(f -> f.setInvalid(false));
        error.setText("");
        if (systemA.getValue() == null || systemB.getValue() == null) {
            HasValidation missing = systemA.getValue() == null ? systemA : systemB;
            missing.setErrorMessage("Choose the system");
            missing.setInvalid(true);
            return;
        }
        try {
            rules.add(name.getValue(), systemA.getValue().id(), entitlementA.getValue(), systemB.getValue().id(), entitlementB.getValue(),
                    description.getValue());
        } catch (InvalidInputException ex) {
            FieldErrors.show(fields, ex).ifPresent(error::setText);
            return;
        } catch (IllegalArgumentException ex) {
            error.setText(ex.getMessage());
            return;
        }
        Toasts.success("Rule \"" + name.getValue().strip() + "\" added");
        name.clear();
        description.clear();
        entitlementA.clear();
        entitlementB.clear();
        refresh();
    }

    private void askToDelete(SodRule rule) {
        confirmation = new Dialog();
        confirmation.setHeaderTitle("Delete rule \"" + rule.name() + "\"?");
        confirmation.add(new Paragraph("Holding " + rule.sideA() + " and " + rule.sideB() + " will no longer be flagged in new campaigns. "
                + "Campaigns already launched keep their flags."));
        confirmDelete = new Button("Delete", e -> {
            try {
                rules.delete(rule.id());
                Toasts.success("Rule \"" + rule.name() + "\" deleted");
            } catch (IllegalArgumentException ex) {
                Toasts.error(ex.getMessage());
            }
            confirmation.close();
            refresh();
        });
        confirmDelete.addThemeVariants(ButtonVariant.LUMO_PRIMARY, ButtonVariant.LUMO_ERROR);
        confirmation.getFooter().add(new Button("Cancel", e -> confirmation.close()), confirmDelete);
        confirmation.open();
    }

    void refresh() {
        grid.setItems(rules.list(null));
    }
}
