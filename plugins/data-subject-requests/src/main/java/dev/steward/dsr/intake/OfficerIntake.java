package dev.steward.dsr.intake;

import dev.steward.dsr.DsrPermissions;
import dev.steward.dsr.requests.Channel;
import dev.steward.dsr.requests.RequestFiles;
import dev.steward.dsr.requests.RequestForm;
import dev.steward.dsr.requests.RightsRequest;
import dev.steward.dsr.requests.RightsRequests;
import dev.steward.platform.files.Attachment;
import dev.steward.platform.files.AttachmentService;
import dev.steward.platform.files.FileRejectedException;
import dev.steward.platform.files.UploadedFile;
import dev.steward.platform.validation.InvalidInputException;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.EnumSet;
import java.util.Set;

/**
 * A request the team types in from a call, a letter, an email to a published mailbox or a visit, with the original
 * (the letter's scan, the email as received) attached to it: both or neither are saved.
 */
@Service
public class OfficerIntake {

    /** The channels a person brings in; the page and the API open their own requests. */
    public static final Set<Channel> CHANNELS = EnumSet.of(Channel.EMAIL, Channel.POST, Channel.PHONE, Channel.IN_PERSON);
    /** Channels that leave an original to keep. */
    static final Set<Channel> WITH_ORIGINAL = EnumSet.of(Channel.EMAIL, Channel.POST);

    private final RightsRequests requests;
    private final AttachmentService files;

    OfficerIntake(RightsRequests requests, AttachmentService files) {
        this.requests = requests;
        this.files = files;
    }

    /** Opens the request and attaches {@code original} (may be null for a call or a visit); the caller closes the file. */
    @PreAuthorize(DsrPermissions.MAY_WORK)
    @Transactional
    public RightsRequest log(RequestForm form, UploadedFile original) {
        if (form != null && form.channel() != null && !CHANNELS.contains(form.channel())) {
            throw new InvalidInputException("channel", "Choose how the request reached us: email, post, telephone or in person");
        }
        if (form != null && WITH_ORIGINAL.contains(form.channel()) && original == null) {
            throw new InvalidInputException("original", "Attach the " + (form.channel() == Channel.POST ? "letter" : "email")
                    + " as it was received");
        }
        RightsRequest opened = requests.open(form);
        if (original != null) {
            try (InputStream content = original.open()) {
                files.upload(RequestFiles.owner(opened.id()), original.fileName(), content);
            } catch (FileRejectedException rejected) {
                throw new InvalidInputException("original", rejected.getMessage());
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return opened;
    }

    /** The request's files (the original among them). */
    @PreAuthorize(DsrPermissions.MAY_READ)
    public Attachment.Owner filesOf(long requestId) {
        return RequestFiles.owner(requestId);
    }
}
