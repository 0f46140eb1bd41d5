package dev.steward.incidents.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import dev.steward.incidents.IncidentPermissions;
import dev.steward.incidents.documents.NoticeDocuments;
import dev.steward.incidents.documents.NoticeTemplate;
import dev.steward.incidents.obligations.NotificationRule.RecipientKind;
import dev.steward.platform.security.CurrentUser;
import dev.steward.platform.spi.RequiresPermission;
import dev.steward.platform.ui.Toasts;
import jakarta.annotation.security.PermitAll;

/** The notice templates: privacy officers edit the wording; {{placeholders}} are filled from each incident. */
@Route("incidents/templates")
@PageTitle("Notice templates · Steward")
@PermitAll
@RequiresPermission(IncidentPermissions.READ)
public class TemplatesView extends VerticalLayout {

    final Grid<NoticeTemplate> grid = new Grid<>();
    final TextField name = new TextField("Name");
    final Select<RecipientKind> kind = new Select<>();
    final TextArea body = new TextArea("Text");
    final Button save = new Button("Save template");
    final Button add = new Button("New template", VaadinIcon.PLUS.create());
    private final NoticeDocuments documents;
    private NoticeTemplate editing;

    public TemplatesView(NoticeDocuments documents) {
        this.documents = documents;
        boolean canEdit = CurrentUser.hasPermission(IncidentPermissions.MANAGE_RULES);
        grid.addColumn(NoticeTemplate::name).setHeader("Template").setFlexGrow(1);
        grid.addColumn(t -> t.recipientKind().label()).setHeader("For").setKey("for").setAutoWidth(true);
        grid.addColumn(t -> "v" + t.version()).setHeader("Version").setAutoWidth(true);
        grid.setAllRowsVisible(true);
        grid.asSingleSelect().addValueChangeListener(e -> edit(e.getValue()));
        kind.setLabel("For");
        kind.setItems(RecipientKind.values());
        kind.setItemLabelGenerator(RecipientKind::label);
        body.setWidthFull();
        body.setHeight("24rem");
        body.setHelperText("Placeholders: {{reference}} {{title}} {{description}} {{type}} {{nature}} {{occurred}} {{discovered}} "
                + "{{aware}} {{contained}} {{data_categories}} {{subject_types}} {{individuals}} {{records}} {{residents}} "
                + "{{consequences}} {{measures_taken}} {{measures_proposed}} {{late_reasons}} {{title_lower}}");
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        save.addClickListener(e -> {
            NoticeTemplate saved = documents.save(new NoticeTemplate(editing == null ? null : editing.id(), kind.getValue(),
                    name.getValue(), body.getValue(), editing == null ? 0 : editing.version()));
            Toasts.success(saved.name() + " saved");
            refresh();
            grid.select(saved);
        });
        add.addClickListener(e -> {
            grid.deselectAll();
            edit(null);
        });
        save.setVisible(canEdit);
        add.setVisible(canEdit);
        name.setReadOnly(!canEdit);
        kind.setReadOnly(!canEdit);
        body.setReadOnly(!canEdit);
        add(new HorizontalLayout(new H2("Notice templates"), add),
                new Paragraph("Used to draft notices from an incident's notifications tab. Each notice is edited before it is issued."),
                grid, name, kind, body, save);
        refresh();
    }

    private void edit(NoticeTemplate template) {
        editing = template;
        name.setValue(template == null ? "" : template.name());
        kind.setValue(template == null ? RecipientKind.AUTHORITY : template.recipientKind());
        body.setValue(template == null ? "" : template.body());
    }

    private void refresh() {
        grid.setItems(documents.templates());
    }
}
