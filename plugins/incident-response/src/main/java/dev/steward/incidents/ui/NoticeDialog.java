package dev.steward.incidents.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.TextArea;
import dev.steward.incidents.documents.NoticeDocuments;
import dev.steward.incidents.documents.NoticeTemplate;
import dev.steward.incidents.obligations.Obligation;
import dev.steward.platform.files.Attachment;
import dev.steward.platform.ui.Toasts;

import java.util.List;

/** Drafts a notice from a template and the incident's facts; the officer edits it and issues it as a PDF. */
class NoticeDialog extends Dialog {

    final Select<NoticeTemplate> template = new Select<>();
    final TextArea text = new TextArea();
    final Paragraph missing = new Paragraph();
    final Button issue = new Button("Issue as PDF");

    NoticeDialog(NoticeDocuments documents, Obligation obligation, Runnable issued) {
        setHeaderTitle("Notice: " + obligation.label());
        List<NoticeTemplate> templates = documents.templates();
        template.setLabel("Template");
        template.setItems(templates);
        template.setItemLabelGenerator(NoticeTemplate::name);
        template.addValueChangeListener(e -> {
            if (e.getValue() != null) {
                NoticeDocuments.Draft draft = documents.draft(obligation.id(), e.getValue().id());
                text.setValue(draft.text());
                missing.setText(draft.missing().isEmpty() ? "" : "Not stated yet (send now and complete later under Art. 33(4), "
                        + "or fill in the facts first): " + String.join(", ", draft.missing()));
            }
        });
        text.setWidth("min(60rem, 90vw)");
        text.setHeight("28rem");
        missing.getStyle().set("color", "var(--lumo-error-text-color)");
        templates.stream().filter(t -> obligation.recipient().toLowerCase().contains("subject")
                        || obligation.recipient().toLowerCase().contains("individual") || obligation.recipient().toLowerCase().contains("resident")
                        ? t.recipientKind().name().equals("INDIVIDUALS") : t.recipientKind().name().equals("AUTHORITY"))
                .findFirst().or(() -> templates.stream().findFirst()).ifPresent(template::setValue);
        add(template, missing, text);
        issue.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        issue.addClickListener(e -> {
            Attachment pdf = documents.issue(obligation.id(), text.getValue());
            Toasts.success(pdf.fileName() + " issued and kept with the evidence");
            close();
            issued.run();
        });
        getFooter().add(new Button("Cancel", e -> close()), issue);
    }
}
