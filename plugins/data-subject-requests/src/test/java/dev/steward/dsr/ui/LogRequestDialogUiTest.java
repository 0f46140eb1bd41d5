package dev.steward.dsr.ui;

import com.vaadin.flow.component.UI;
import dev.steward.dsr.DsrPermissions;
import dev.steward.dsr.intake.Mailboxes;
import dev.steward.dsr.intake.OfficerIntake;
import dev.steward.dsr.requests.Channel;
import dev.steward.dsr.requests.RequestType;
import dev.steward.platform.files.Attachment;
import dev.steward.platform.files.AttachmentService;
import dev.steward.platform.files.UploadedFile;
import dev.steward.platform.plugin.ExtensionRegistry;
import dev.steward.platform.security.Role;
import dev.steward.platform.ui.DisplayTime;
import dev.steward.testkit.console.ConsoleTestApplication;
import dev.steward.testkit.console.KaribuTest;
import dev.steward.testkit.console.OversizedUploads;
import org.jooq.DSLContext;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

import java.nio.charset.StandardCharsets;
import java.time.LocalDateTime;
import java.util.Set;
import java.util.UUID;

import static com.github.mvysny.kaributesting.v10.LocatorJ._find;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static dev.steward.dsr.db.Tables.REQUEST;
import static org.assertj.core.api.Assertions.assertThat;

/** "Log a request": for the team only; when and where the request reached us, the original attached, errors on their fields. */
@SpringBootTest(classes = ConsoleTestApplication.class)
class LogRequestDialogUiTest extends KaribuTest {

    @Autowired
    ExtensionRegistry registry;
    @Autowired
    DSLContext dsl;
    @Autowired
    AttachmentService files;

    final String suffix = UUID.randomUUID().toString().substring(0, 8);

    private <T> T bean(Class<T> type) {
        return registry.contextOf(DsrPermissions.PLUGIN_ID).orElseThrow().getBean(type);
    }

    private RequestsView queue() {
        UI.getCurrent().navigate("requests");
        return _get(RequestsView.class);
    }

    private LogRequestDialog dialog() {
        LogRequestDialog dialog = new LogRequestDialog(bean(OfficerIntake.class), bean(Mailboxes.class), files);
        dialog.open();
        return dialog;
    }

    @Test
    void an_auditor_reads_the_queue_without_the_log_button() {
        loginAs("ada", Role.AUDITOR);
        assertThat(_find(queue(), LogRequestButton.class)).isEmpty();
    }

    @Test
    void a_privacy_officer_logs_requests_from_the_queue() {
        loginAs("olivia", Role.PRIVACY_OFFICER);
        LogRequestButton button = _get(queue(), LogRequestButton.class);
        assertThat(button.isVisible()).isTrue();
        button.click();
        assertThat(_get(LogRequestDialog.class).isOpened()).isTrue();
    }

    @Test
    void a_letter_to_a_published_mailbox_is_logged_with_its_receipt_time_in_the_users_zone_and_the_original_attached() {
        loginAs("olivia", Role.PRIVACY_OFFICER);
        String mailbox = bean(Mailboxes.class).add("privacy." + suffix + "@wicresoft.com", "US policy").address();
        LogRequestDialog dialog = dialog();
        assertThat(dialog.receivedVia.getListDataView().getItems()).contains(mailbox);
        LocalDateTime received = LocalDateTime.now(DisplayTime.zone()).minusDays(2).withSecond(0).withNano(0);
        setValue(dialog.channel, Channel.EMAIL);
        setValue(dialog.receivedAt, received);
        setValue(dialog.receivedVia, mailbox);
        setValue(dialog.name, "Rosa Diaz " + suffix);
        setValue(dialog.email, "rosa." + suffix + "@example.org");
        setValue(dialog.jurisdiction.country, "US");
        setValue(dialog.jurisdiction.state, "CA");
        setValue(dialog.types, Set.of(RequestType.ACCESS_SPECIFIC));
        dialog.save.click();
        assertThat(dialog.error.getText()).isEqualTo("Attach the email as it was received");
        assertThat(dialog.isOpened()).isTrue();

        dialog.received(UploadedFile.copyOf("request.txt", ("Please send me my data. Rosa " + suffix)
                .getBytes(StandardCharsets.UTF_8)));
        dialog.save.click();
        assertThat(dialog.isOpened()).as(dialog.error.getText()).isFalse();
        var logged = dsl.fetchOne(REQUEST, REQUEST.REQUESTER_NAME.eq("Rosa Diaz " + suffix));
        assertThat(logged.getChannel()).isEqualTo(Channel.EMAIL);
        assertThat(logged.getReceivedVia()).isEqualTo(mailbox);
        assertThat(logged.getReceivedAt()).isEqualTo(received.atZone(DisplayTime.zone()).toInstant());
        assertThat(files.list(new Attachment.Owner(DsrPermissions.PLUGIN_ID, "request", String.valueOf(logged.getId())), false))
                .extracting(Attachment::fileName).containsExactly("request.txt");
    }

    @Test
    void bad_input_is_shown_on_its_field_and_nothing_is_logged() {
        loginAs("olivia", Role.PRIVACY_OFFICER);
        LogRequestDialog dialog = dialog();
        setValue(dialog.channel, Channel.PHONE);
        setValue(dialog.name, "Rosa Diaz " + suffix);
        setValue(dialog.phone, "+1 555 0100");
        setValue(dialog.types, Set.of(RequestType.DELETION));
        dialog.save.click();
        assertThat(dialog.jurisdiction.isInvalid()).isTrue();

        setValue(dialog.jurisdiction.country, "DE");
        setValue(dialog.receivedAt, LocalDateTime.now(DisplayTime.zone()).plusDays(1));
        dialog.save.click();
        assertThat(dialog.receivedAt.isInvalid()).isTrue();
        assertThat(dialog.receivedAt.getErrorMessage()).isEqualTo("The request cannot have reached us in the future");

        setValue(dialog.receivedAt, LocalDateTime.now(DisplayTime.zone()));
        setValue(dialog.email, "rosa-at-example");
        dialog.save.click();
        assertThat(dialog.email.isInvalid()).isTrue();
        assertThat(dialog.isOpened()).isTrue();
        assertThat(dsl.fetchCount(REQUEST, REQUEST.REQUESTER_NAME.eq("Rosa Diaz " + suffix))).isZero();
    }

    @Test
    void an_original_larger_than_the_limit_is_refused_while_it_arrives() throws Exception {
        loginAs("olivia", Role.PRIVACY_OFFICER);
        LogRequestDialog dialog = dialog();
        OversizedUploads.EndlessBody body = new OversizedUploads.EndlessBody();
        OversizedUploads.sendRejected(dialog.upload, "scan.pdf", "application/pdf", -1, body);
        assertThat(body.served()).isLessThanOrEqualTo(files.maxBytes() + 1024 * 1024);
        assertThat(dialog.error.getText()).isNotBlank();
        assertThat(dialog.originalName.getText()).isEqualTo("No file yet");
    }
}
