package dev.steward.incidents.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.confirmdialog.ConfirmDialog;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.UnorderedList;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.TextArea;
import dev.steward.incidents.documents.NoticeDocuments;
import dev.steward.incidents.documents.NoticePlaceholders;
import dev.steward.incidents.documents.NoticeTemplate;
import dev.steward.incidents.obligations.NotificationRule.RecipientKind;
import dev.steward.incidents.obligations.Obligation;
import dev.steward.platform.files.Attachment;
import dev.steward.platform.ui.Toasts;

import java.util.List;

/**
 * Drafts a notice from a template and the incident's facts; the officer edits it and issues it as a PDF. Issuing cannot
 * be undone: it asks first, says what will happen, and lists the placeholders the text still contains.
 */
class NoticeDialog extends Dialog {

    final Select<NoticeTemplate> template = new Select<>();
    final TextArea text = new TextArea();
    final Paragraph missing = new Paragraph();
    final Button issue = new Button("Issue as PDF…");
    /** The question asked before issuing, for tests. */
    ConfirmDialog question;
    /** The placeholders the question listed. */
    final UnorderedList placeholders = new UnorderedList();

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
                        ? t.recipientKind() == RecipientKind.INDIVIDUALS : t.recipientKind() == RecipientKind.AUTHORITY)
                .findFirst().or(() -> templates.stream().findFirst()).ifPresent(template::setValue);
        add(template, missing, text);
        issue.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        issue.addClickListener(e -> confirm(obligation, () -> {
            Attachment pdf = documents.issue(obligation.id(), text.getValue());
            Toasts.success(pdf.fileName() + " issued and kept with the evidence");
            close();
            issued.run();
        }));
        getFooter().add(new Button("Cancel", e -> close()), issue);
    }

    /** Says what issuing does and lists what is still to be filled in, then issues on confirmation. */
    private void confirm(Obligation obligation, Runnable issueIt) {
        List<String> unfilled = NoticePlaceholders.in(text.getValue());
        VerticalLayout body = new VerticalLayout();
        body.setPadding(false);
        placeholders.removeAll();
        if (!unfilled.isEmpty()) {
            Paragraph warning = new Paragraph("The text still contains " + unfilled.size() + " placeholder(s). Replace them before "
                    + "issuing, or issue the notice as it is:");
            warning.getStyle().set("color", "var(--lumo-error-text-color)");
            unfilled.forEach(p -> placeholders.add(new ListItem(p)));
            body.add(warning, placeholders);
        }
        body.add(new Paragraph("The text is issued as a PDF for " + obligation.label() + ", kept with the incident's evidence "
                + "with its SHA-256 as the first entry of its chain of custody, and linked to this notice. An issued notice "
                + "cannot be changed: a corrected one is issued again. Recording that it was sent is a separate step."));
        question = new ConfirmDialog();
        question.setHeader("Issue the notice for " + obligation.label() + "?");
        question.setText(body);
        question.setConfirmText(unfilled.isEmpty() ? "Issue" : "Issue with placeholders");
        if (!unfilled.isEmpty()) {
            question.setConfirmButtonTheme("error primary");
        }
        question.setCancelable(true);
        question.addConfirmListener(e -> issueIt.run());
        question.open();
    }
}
