package dev.steward.console.ui.admin;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.checkbox.CheckboxGroup;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.datepicker.DatePicker;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.textfield.TextField;
import dev.steward.platform.security.ApiToken;
import dev.steward.platform.security.ApiTokenService;
import dev.steward.platform.security.PermissionCatalog;
import dev.steward.platform.spi.Permission;
import dev.steward.platform.ui.DisplayTime;

import java.util.List;
import java.util.Map;

/** Creates a token; afterwards shows its secret, once. */
class ApiTokenDialog extends Dialog {

    final TextField name = new TextField("Name (e.g. splunk-prod)");
    final ComboBox<String> plugin = new ComboBox<>("Plugin");
    final CheckboxGroup<String> granted = new CheckboxGroup<>("Permissions");
    final DatePicker expires = new DatePicker("Expires (optional)");
    final Button save = new Button("Create token");
    final TextField secret = new TextField("Token (copy it now: it is not shown again)");

    ApiTokenDialog(ApiTokenService tokens, PermissionCatalog permissions, Runnable created) {
        setHeaderTitle("New API token");
        Map<String, List<Permission>> byPlugin = permissions.permissionsByPlugin();
        plugin.setItems(byPlugin.keySet().stream().filter(id -> !id.equals("platform")).sorted().toList());
        plugin.addValueChangeListener(e -> {
            List<Permission> options = e.getValue() == null ? List.of() : byPlugin.get(e.getValue());
            granted.setItems(options.stream().map(Permission::key).toList());
            granted.setItemLabelGenerator(key -> key + " · " + options.stream().filter(p -> p.key().equals(key))
                    .findFirst().map(Permission::description).orElse(""));
        });
        secret.setReadOnly(true);
        secret.setWidthFull();
        secret.setVisible(false);
        FormLayout form = new FormLayout(name, plugin, granted, expires);
        form.setColspan(granted, 2);
        add(form, secret);
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        save.addClickListener(e -> {
            ApiToken.Issued issued = tokens.create(name.getValue(), plugin.getValue(), granted.getValue(),
                    expires.getValue() == null ? null : expires.getValue().plusDays(1).atStartOfDay(DisplayTime.zone()).toInstant());
            form.setVisible(false);
            save.setVisible(false);
            secret.setValue(issued.secret());
            secret.setVisible(true);
            add(new Paragraph("Token " + issued.token().name() + " created for " + issued.token().pluginId() + "."));
            created.run();
        });
        getFooter().add(new Button("Close", e -> close()), save);
        setWidth("min(40rem, 95vw)");
    }
}
