package dev.steward.dsr.ui;

import com.vaadin.flow.component.HasValidation;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.datepicker.DatePicker;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.UnorderedList;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.radiobutton.RadioButtonGroup;
import com.vaadin.flow.component.radiobutton.RadioGroupVariant;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.BeforeEvent;
import com.vaadin.flow.router.OptionalParameter;
import com.vaadin.flow.router.HasUrlParameter;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.VaadinRequest;
import com.vaadin.flow.server.auth.AnonymousAllowed;
import dev.steward.dsr.processors.AnswerKind;
import dev.steward.dsr.processors.ProcessorAnswer;
import dev.steward.dsr.processors.ProcessorConfirmations;
import dev.steward.dsr.processors.ProcessorConfirmations.Status;
import dev.steward.platform.plugin.PluginDisabledException;
import dev.steward.platform.security.PlatformPermissions;
import dev.steward.platform.spi.RequiresPermission;
import dev.steward.platform.ui.FieldErrors;
import dev.steward.platform.validation.InvalidInputException;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The page a processor's contact reaches from our instruction to delete: no sign-in, the link's one-time token is the
 * key. It shows the request's reference, what to delete and by when, never whose data; the answer completes the
 * task. Available only while the plugin is enabled (checked like the public request page).
 */
@Route(value = "processor-confirmation", autoLayout = false)
@PageTitle("Confirm a deletion")
@AnonymousAllowed
@RequiresPermission(PlatformPermissions.DASHBOARD)
public class ProcessorConfirmationView extends VerticalLayout implements HasUrlParameter<String> {

    static final String INVALID = "This link is not valid. It may have been replaced by the link in a newer reminder: please use the latest mail we sent.";
    static final String EXPIRED = "This link has expired. Please reply to our mail and we will send you a new one.";
    static final String USED = "This instruction has been answered already. Thank you.";
    static final String TOO_MANY = "Too many attempts from your network in the last hour. Please try again in an hour.";
    static final String THANKS = "Thank you: we have your answer and this link no longer works.";
    static final String UNAVAILABLE = "This page is not available at the moment.";

    final Paragraph message = new Paragraph();
    final Paragraph asked = new Paragraph();
    final UnorderedList categories = new UnorderedList();
    final RadioButtonGroup<AnswerKind> kind = new RadioButtonGroup<>("Your answer");
    final DatePicker confirmedOn = new DatePicker("Date the data was deleted");
    final TextField reference = new TextField("Your reference (optional)");
    final TextArea note = new TextArea("Note (optional)");
    final Button send = new Button("Send answer", e -> send());
    final VerticalLayout details = new VerticalLayout();
    private final ProcessorConfirmations confirmations;
    /** The client's address, for the rate limit (behind a proxy, set server.forward-headers-strategy). */
    String clientAddress;
    /** The link's token: kept server-side, never shown on the page. */
    private String token;

    public ProcessorConfirmationView(ProcessorConfirmations confirmations) {
        this.confirmations = confirmations;
        VaadinRequest request = VaadinRequest.getCurrent();
        clientAddress = request == null ? "unknown" : request.getRemoteAddr();
        setMaxWidth("46em");
        getStyle().set("margin", "0 auto");
        kind.setItems(AnswerKind.values());
        kind.setItemLabelGenerator(ProcessorConfirmationView::plainly);
        kind.addThemeVariants(RadioGroupVariant.LUMO_VERTICAL);
        kind.setValue(AnswerKind.DELETED);
        kind.addValueChangeListener(e -> arrange());
        confirmedOn.setMax(LocalDate.now().plusDays(1));
        reference.setMaxLength(200);
        note.setMaxLength(2000);
        send.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        FormLayout form = new FormLayout(kind, confirmedOn, reference, note, send);
        form.setResponsiveSteps(new FormLayout.ResponsiveStep("0", 1));
        details.setPadding(false);
        details.add(asked, categories, form);
        details.setVisible(false);
        message.getElement().setAttribute("role", "status");
        add(new H1("Confirm a deletion"), details, message);
        arrange();
    }

    @Override
    public void setParameter(BeforeEvent event, @OptionalParameter String parameter) {
        token = parameter;
        details.setVisible(false);
        message.setText("");
        try {
            confirmations.available();
        } catch (PluginDisabledException off) {
            message.setText(UNAVAILABLE);
            return;
        }
        ProcessorConfirmations.Page page = confirmations.open(token, clientAddress);
        if (page.status() != Status.OPEN) {
            message.setText(text(page.status()));
            return;
        }
        asked.setText("We instructed " + page.holderName() + " to delete personal data it processes for us about one person, "
                + "our reference " + page.reference() + ", and to tell any sub-processor holding it to do the same"
                + (page.dueOn() == null ? "." : ", by " + page.dueOn() + ".") + " The data:");
        categories.removeAll();
        if (page.categories().isEmpty()) {
            categories.add(new ListItem("All personal data about that person that you process for us"));
        } else {
            page.categories().forEach(c -> categories.add(new ListItem(c)));
        }
        details.setVisible(true);
    }

    private void arrange() {
        confirmedOn.setVisible(kind.getValue() == AnswerKind.DELETED);
        note.setLabel(kind.getValue() == AnswerKind.CANNOT_DELETE ? "Why you cannot delete the data" : "Note (optional)");
    }

    private void send() {
        message.setText("");
        Status status;
        try {
            status = confirmations.answer(token, new ProcessorAnswer(kind.getValue(),
                    kind.getValue() == AnswerKind.DELETED ? confirmedOn.getValue() : null, reference.getValue(), note.getValue()), clientAddress);
        } catch (InvalidInputException invalid) {
            FieldErrors.show(fields(), invalid).ifPresent(message::setText);
            return;
        }
        FieldErrors.clear(fields());
        details.setVisible(false);
        message.setText(status == Status.ANSWERED ? THANKS : text(status));
    }

    private Map<String, HasValidation> fields() {
        Map<String, HasValidation> fields = new LinkedHashMap<>();
        fields.put("kind", kind);
        fields.put("confirmedOn", confirmedOn);
        fields.put("reference", reference);
        fields.put("note", note);
        return fields;
    }

    static String text(Status status) {
        return switch (status) {
            case INVALID, OPEN -> INVALID;
            case EXPIRED -> EXPIRED;
            case USED, ANSWERED -> USED;
            case TOO_MANY -> TOO_MANY;
        };
    }

    static String plainly(AnswerKind kind) {
        return switch (kind) {
            case DELETED -> "We deleted the data";
            case NO_DATA -> "We hold no such data";
            case CANNOT_DELETE -> "We cannot delete the data";
        };
    }
}
