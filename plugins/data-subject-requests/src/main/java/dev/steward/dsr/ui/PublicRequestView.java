package dev.steward.dsr.ui;

import com.vaadin.flow.component.HasValidation;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.checkbox.CheckboxGroup;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.radiobutton.RadioButtonGroup;
import com.vaadin.flow.component.textfield.EmailField;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.VaadinRequest;
import com.vaadin.flow.server.auth.AnonymousAllowed;
import dev.steward.dsr.intake.PublicIntake;
import dev.steward.dsr.intake.PublicSubmission;
import dev.steward.dsr.intake.SubmissionRefused;
import dev.steward.dsr.requests.OnBehalf;
import dev.steward.dsr.requests.RequestType;
import dev.steward.platform.plugin.PluginDisabledException;
import dev.steward.platform.security.PlatformPermissions;
import dev.steward.platform.spi.RequiresPermission;
import dev.steward.platform.ui.FieldErrors;
import dev.steward.platform.validation.InvalidInputException;

import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The public request page: anyone, without signing in, asks us to act on personal data; a code mailed to the address
 * given confirms the request. The page never shows back what was typed, and its messages name fields, not values.
 * Reachable only while the plugin is enabled: signed-in users are checked by the console (everyone holds the
 * dashboard permission), anonymous visitors by asking the plugin's service, which the platform refuses while it is off.
 */
@Route(value = "privacy-request", autoLayout = false)
@PageTitle("Privacy request")
@AnonymousAllowed
@RequiresPermission(PlatformPermissions.DASHBOARD)
public class PublicRequestView extends VerticalLayout implements BeforeEnterObserver {

    static final String SENT = "We wrote to the address you gave. Type the 6-digit code from that email here within 30 minutes.";
    static final String CONFIRMED = "If the code is right, we have your request; we wrote to the address you gave.";
    static final String EXPIRED = "The code has run out or was typed wrong too often, so nothing was sent. Please fill in the form again.";
    static final String UNAVAILABLE = "Requests cannot be made on this page at the moment.";

    final RadioButtonGroup<OnBehalf> onBehalf = new RadioButtonGroup<>("Who is asking?");
    final TextField agentName = new TextField("Your name");
    final TextField name = new TextField("Full name of the person the request is about");
    final EmailField email = new EmailField("Email address");
    final JurisdictionField jurisdiction = new JurisdictionField("Where does that person live?");
    final CheckboxGroup<RequestType> types = new CheckboxGroup<>("What are you asking for?");
    final TextArea details = new TextArea("Anything that helps us find the data (optional)");
    final Button send = new Button("Send request", e -> send());
    final TextField code = new TextField("Code from the email");
    final Button confirm = new Button("Confirm request", e -> confirm());
    final Paragraph message = new Paragraph();
    private final FormLayout form = new FormLayout();
    final VerticalLayout codeStep = new VerticalLayout();
    private final PublicIntake intake;
    /** The client's address, for the rate limit (behind a proxy, set server.forward-headers-strategy). */
    String clientAddress;
    /** The page's handle to the submission waiting for its code (server-side only, never sent to the browser). */
    String handle;

    public PublicRequestView(PublicIntake intake) {
        this.intake = intake;
        VaadinRequest request = VaadinRequest.getCurrent();
        clientAddress = request == null ? "unknown" : request.getRemoteAddr();
        setMaxWidth("46em");
        getStyle().set("margin", "0 auto");
        onBehalf.setItems(OnBehalf.values());
        onBehalf.setItemLabelGenerator(PublicRequestView::asking);
        onBehalf.setValue(OnBehalf.SELF);
        agentName.setVisible(false);
        agentName.setMaxLength(200);
        onBehalf.addValueChangeListener(e -> agentName.setVisible(e.getValue() != OnBehalf.SELF));
        name.setMaxLength(200);
        email.setHelperText("We send a code here to confirm the request, and our answer later.");
        types.setItems(RequestType.values());
        types.setItemLabelGenerator(PublicRequestView::plainly);
        types.addThemeVariants(com.vaadin.flow.component.checkbox.CheckboxGroupVariant.LUMO_VERTICAL);
        onBehalf.addThemeVariants(com.vaadin.flow.component.radiobutton.RadioGroupVariant.LUMO_VERTICAL);
        details.setMaxLength(10_000);
        send.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        form.setResponsiveSteps(new FormLayout.ResponsiveStep("0", 1));
        form.add(onBehalf, agentName, name, email, jurisdiction, types, details, send);
        code.setMaxLength(12);
        confirm.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        codeStep.add(code, confirm);
        codeStep.setPadding(false);
        codeStep.setVisible(false);
        message.getElement().setAttribute("role", "status");
        add(new H1("Make a privacy request"), new Paragraph("Ask us to tell you about, copy, correct or delete personal "
                + "data we hold, or to stop selling, sharing or using it. You do not need an account."), form, codeStep, message);
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        handle = null; // coming back to the page starts a new request
        form.setVisible(true);
        codeStep.setVisible(false);
        message.setText("");
        try {
            intake.available();
        } catch (PluginDisabledException off) {
            removeAll();
            add(new H1("Privacy request"), new Paragraph(UNAVAILABLE));
        }
    }

    private void send() {
        message.setText("");
        PublicSubmission submission = new PublicSubmission(name.getValue(), email.getValue(), jurisdiction.getValue(),
                types.getValue().isEmpty() ? EnumSet.noneOf(RequestType.class) : EnumSet.copyOf(types.getValue()),
                details.getValue(), onBehalf.getValue(), agentName.getValue());
        try {
            handle = intake.submit(submission, clientAddress);
        } catch (InvalidInputException invalid) {
            FieldErrors.show(fields(), invalid).ifPresent(message::setText);
            return;
        } catch (SubmissionRefused refused) {
            FieldErrors.clear(fields());
            message.setText(refused.getMessage());
            return;
        }
        FieldErrors.clear(fields());
        clearForm();
        form.setVisible(false);
        codeStep.setVisible(true);
        message.setText(SENT);
    }

    private void confirm() {
        code.setInvalid(false);
        PublicIntake.Confirmation confirmation;
        try {
            confirmation = intake.confirm(handle, code.getValue(), clientAddress);
        } catch (InvalidInputException invalid) {
            FieldErrors.show(Map.of("code", code), invalid).ifPresent(message::setText);
            return;
        }
        code.clear();
        switch (confirmation.outcome()) {
            case OPENED -> {
                handle = null;
                codeStep.setVisible(false);
                message.setText(CONFIRMED);
            }
            case WRONG_CODE -> {
                code.setErrorMessage("This is not the code we sent: " + confirmation.attemptsLeft()
                        + (confirmation.attemptsLeft() == 1 ? " try" : " tries") + " left");
                code.setInvalid(true);
            }
            case EXPIRED -> {
                handle = null;
                codeStep.setVisible(false);
                form.setVisible(true);
                message.setText(EXPIRED);
            }
        }
    }

    private Map<String, HasValidation> fields() {
        Map<String, HasValidation> fields = new LinkedHashMap<>();
        fields.put("name", name);
        fields.put("email", email);
        fields.put("jurisdiction", jurisdiction);
        fields.put("types", types);
        fields.put("details", details);
        fields.put("onBehalf", onBehalf);
        fields.put("agentName", agentName);
        return fields;
    }

    private void clearForm() {
        name.clear();
        email.clear();
        jurisdiction.clear();
        types.clear();
        details.clear();
        agentName.clear();
        onBehalf.setValue(OnBehalf.SELF);
    }

    static String asking(OnBehalf who) {
        return switch (who) {
            case SELF -> "I am asking about my own data";
            case AGENT -> "I am an authorised agent asking for someone else";
            case PARENT -> "I am a parent or guardian asking for my child";
            case HOUSEHOLD -> "I am asking for my household";
        };
    }

    static String plainly(RequestType type) {
        return switch (type) {
            case ACCESS_CATEGORIES -> "Tell me what kinds of data you have about me, where it came from, why you use it and who gets it";
            case ACCESS_SPECIFIC -> "Give me a copy of the data you have about me";
            case DELETION -> "Delete the data you have about me";
            case CORRECTION -> "Correct data about me that is wrong";
            case PORTABILITY -> "Send me my data in a file I can take to another company";
            case RESTRICTION -> "Keep my data but stop using it for now";
            case OBJECTION -> "Stop using my data for a purpose I object to";
            case OPT_OUT_SALE -> "Do not sell or share my data";
            case LIMIT_SENSITIVE -> "Use my sensitive data only for what is needed to serve me";
            case WITHDRAW_CONSENT -> "I withdraw the consent I gave you";
        };
    }
}
