package dev.steward.dsr.ui;

import com.vaadin.flow.component.HasValidation;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.checkbox.CheckboxGroup;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.datetimepicker.DateTimePicker;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.EmailField;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.component.upload.Upload;
import com.vaadin.flow.router.RouteParameters;
import dev.steward.dsr.intake.Mailboxes;
import dev.steward.dsr.intake.OfficerIntake;
import dev.steward.dsr.requests.Channel;
import dev.steward.dsr.requests.OnBehalf;
import dev.steward.dsr.requests.RequestForm;
import dev.steward.dsr.requests.RequestType;
import dev.steward.dsr.requests.Requester;
import dev.steward.dsr.requests.RightsRequest;
import dev.steward.platform.files.AttachmentService;
import dev.steward.platform.files.UploadedFile;
import dev.steward.platform.files.ui.BoundedUpload;
import dev.steward.platform.ui.DisplayTime;
import dev.steward.platform.ui.FieldErrors;
import dev.steward.platform.ui.Toasts;
import dev.steward.platform.validation.InvalidInputException;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A request that came by telephone, post, email to a published mailbox or in person, typed in by the team: when it
 * reached us (in the user's time zone), where, from whom, what it asks, and the original letter or email attached.
 */
class LogRequestDialog extends Dialog {

    final Select<Channel> channel = new Select<>();
    final DateTimePicker receivedAt = new DateTimePicker();
    final ComboBox<String> receivedVia = new ComboBox<>("Received via");
    final TextField name = new TextField("Requester's name");
    final EmailField email = new EmailField("Email");
    final TextField phone = new TextField("Telephone");
    final TextArea address = new TextArea("Postal address");
    final JurisdictionField jurisdiction = new JurisdictionField("Where the requester lives");
    final CheckboxGroup<RequestType> types = new CheckboxGroup<>("Asks for");
    final Select<OnBehalf> onBehalf = new Select<>();
    final TextField agentName = new TextField("Agent's name");
    final EmailField agentEmail = new EmailField("Agent's email");
    final TextArea details = new TextArea("In their words");
    final Upload upload = new Upload();
    final Span originalName = new Span("No file yet");
    final Span error = new Span();
    final Button save = new Button("Log request", e -> save());
    private final OfficerIntake intake;
    private final ZoneId zone = DisplayTime.zone();
    private UploadedFile original;

    LogRequestDialog(OfficerIntake intake, Mailboxes mailboxes, AttachmentService files) {
        this.intake = intake;
        setHeaderTitle("Log a request");
        setWidth("min(60em, 95vw)");
        channel.setLabel("Came by");
        channel.setItems(OfficerIntake.CHANNELS.stream().sorted().toList());
        channel.setItemLabelGenerator(Channel::label);
        channel.setValue(Channel.EMAIL);
        receivedAt.setLabel("Received (" + zone.getId().replace('_', ' ') + " time)");
        receivedAt.setValue(LocalDateTime.now(zone).truncatedTo(ChronoUnit.MINUTES));
        receivedVia.setItems(mailboxes.list().stream().map(Mailboxes.Mailbox::address).toList());
        receivedVia.setAllowCustomValue(true);
        receivedVia.addCustomValueSetListener(e -> receivedVia.setValue(e.getDetail()));
        receivedVia.setHelperText("The published mailbox, or the address or number it came to");
        types.setItems(RequestType.values());
        types.setItemLabelGenerator(RequestType::label);
        onBehalf.setLabel("Made by");
        onBehalf.setItems(OnBehalf.values());
        onBehalf.setItemLabelGenerator(OnBehalf::label);
        onBehalf.setValue(OnBehalf.SELF);
        onBehalf.addValueChangeListener(e -> showAgent());
        showAgent();
        BoundedUpload.attach(upload, files.maxBytes(), this::received, refusal -> {
            error.setText(refusal);
        });
        upload.setMaxFiles(1);
        FormLayout form = new FormLayout(channel, receivedAt, receivedVia, name, email, phone, address, jurisdiction,
                onBehalf, agentName, agentEmail, details);
        form.setColspan(jurisdiction, 2);
        form.setColspan(details, 2);
        form.setResponsiveSteps(new FormLayout.ResponsiveStep("0", 1), new FormLayout.ResponsiveStep("600px", 2));
        form.add(types, 2);
        Span originalLabel = new Span("The original letter or email (required for post and email)");
        error.getStyle().set("color", "var(--lumo-error-text-color)");
        add(form, originalLabel, upload, originalName, error);
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        getFooter().add(new Button("Cancel", e -> close()), save);
        addDialogCloseActionListener(e -> close());
        addOpenedChangeListener(e -> {
            if (!e.isOpened()) {
                UploadedFile.discard(original);
            }
        });
    }

    private void showAgent() {
        boolean agent = onBehalf.getValue() != OnBehalf.SELF;
        agentName.setVisible(agent);
        agentEmail.setVisible(agent);
    }

    void received(UploadedFile file) {
        UploadedFile.discard(original);
        original = file;
        originalName.setText(file.fileName());
        error.setText("");
    }

    void save() {
        error.setText("");
        Instant received = receivedAt.getValue() == null ? null : receivedAt.getValue().atZone(zone).toInstant();
        boolean agent = onBehalf.getValue() != OnBehalf.SELF;
        RequestForm form = new RequestForm(channel.getValue(), receivedVia.getValue(), received, jurisdiction.getValue(),
                types.getValue().isEmpty() ? EnumSet.noneOf(RequestType.class) : EnumSet.copyOf(types.getValue()),
                new Requester(name.getValue(), email.getValue(), phone.getValue(), address.getValue()), onBehalf.getValue(),
                agent ? agentName.getValue() : null, agent ? agentEmail.getValue() : null, details.getValue());
        RightsRequest opened;
        try {
            opened = intake.log(form, original);
        } catch (InvalidInputException invalid) {
            FieldErrors.show(fields(), invalid).ifPresent(error::setText);
            return;
        }
        var ui = getUI();
        close();
        Toasts.success("Request " + opened.reference() + " logged");
        ui.ifPresent(u -> u.navigate(RequestView.class, new RouteParameters("id", String.valueOf(opened.id()))));
    }

    private Map<String, HasValidation> fields() {
        Map<String, HasValidation> fields = new LinkedHashMap<>();
        fields.put("channel", channel);
        fields.put("receivedAt", receivedAt);
        fields.put("receivedVia", receivedVia);
        fields.put("requesterName", name);
        fields.put("requesterEmail", email);
        fields.put("requesterPhone", phone);
        fields.put("requesterAddress", address);
        fields.put("jurisdiction", jurisdiction);
        fields.put("types", types);
        fields.put("onBehalf", onBehalf);
        fields.put("agentName", agentName);
        fields.put("agentEmail", agentEmail);
        fields.put("details", details);
        return fields;
    }
}
