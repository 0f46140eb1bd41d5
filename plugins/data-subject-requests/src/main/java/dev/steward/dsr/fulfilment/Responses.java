package dev.steward.dsr.fulfilment;

import dev.steward.dsr.DsrPermissions;
import dev.steward.dsr.db.tables.records.ResponseRecord;
import dev.steward.dsr.requests.RequestTimeline;
import dev.steward.dsr.requests.RequestType;
import dev.steward.dsr.requests.RightsRequest;
import dev.steward.dsr.requests.RightsRequests;
import dev.steward.platform.files.Attachment;
import dev.steward.platform.files.AttachmentService;
import dev.steward.platform.security.CurrentUser;
import dev.steward.platform.security.PermissionCatalog;
import dev.steward.platform.ui.WhoCan;
import dev.steward.platform.validation.Inputs;
import dev.steward.platform.validation.InvalidInputException;
import org.jooq.DSLContext;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Locale;

import static dev.steward.dsr.db.Tables.RESPONSE;

/**
 * The answer to a request once its tasks are finished: the letter (PDF) and, for access and portability, the data
 * package (zip), both kept as files of the request with a RESPONSE entry in its timeline.
 */
@Service
public class Responses {

    private final DSLContext dsl;
    private final RightsRequests requests;
    private final FulfilmentTasks tasks;
    private final DeletionExceptions exceptions;
    private final ResponseContent content;
    private final AttachmentService files;
    private final RequestTimeline timeline;
    private final PermissionCatalog permissions;

    Responses(DSLContext dsl, RightsRequests requests, FulfilmentTasks tasks, DeletionExceptions exceptions, ResponseContent content,
              AttachmentService files, RequestTimeline timeline, PermissionCatalog permissions) {
        this.dsl = dsl;
        this.requests = requests;
        this.tasks = tasks;
        this.exceptions = exceptions;
        this.content = content;
        this.files = files;
        this.timeline = timeline;
        this.permissions = permissions;
    }

    /** Whether the current user may prepare the response now, and if not why and who can. */
    @PreAuthorize(DsrPermissions.MAY_READ)
    @Transactional(readOnly = true)
    public Readiness readiness(long requestId) {
        RightsRequest request = request(requestId);
        WhoCan who = WhoCan.permission(permissions, DsrPermissions.WORK);
        long open = tasks.tasksOf(requestId).stream().filter(Task::open).count();
        String reason = !who.allowed() ? who.onlyCan("prepare the response")
                : !request.open() ? "The request is closed"
                : open > 0 ? open + (open == 1 ? " task is" : " tasks are") + " still open: finish or set them aside first"
                : null;
        return new Readiness(reason == null, reason, who);
    }

    /** @param reason why not, null when ready */
    public record Readiness(boolean ready, String reason, WhoCan who) {
    }

    /** The letter's text as it would be stored, with the officer's note (at most 4000 characters) in it. */
    @PreAuthorize(DsrPermissions.MAY_WORK)
    @Transactional(readOnly = true)
    public String preview(long requestId, String note) {
        String words = Inputs.optional("note", note, 4000);
        RightsRequest request = request(requestId);
        return ResponseLetter.text(request, tasks.tasksOf(requestId), exceptions.of(requestId),
                request.types().stream().anyMatch(RequestType::discloses), words);
    }

    @PreAuthorize(DsrPermissions.MAY_WORK)
    @Transactional
    public Response prepare(long requestId) {
        return prepare(requestId, null);
    }

    /** Stores the letter (with the officer's note) and the data package for good; a later response does not replace it. */
    @PreAuthorize(DsrPermissions.MAY_WORK)
    @Transactional
    public Response prepare(long requestId, String note) {
        String words = Inputs.optional("note", note, 4000);
        Readiness ready = readiness(requestId);
        if (!ready.ready()) {
            throw new InvalidInputException("request", ready.reason());
        }
        RightsRequest request = request(requestId);
        List<Task> all = tasks.tasksOf(requestId);
        boolean withPackage = request.types().stream().anyMatch(RequestType::discloses);
        byte[] zip = withPackage ? content.dataPackage(request, all) : null;
        byte[] letter = ResponseLetter.pdf(request, ResponseLetter.text(request, all, exceptions.of(requestId), withPackage, words));
        Attachment letterFile = store(requestId, request.reference() + "-response.pdf", letter);
        Attachment packageFile = zip == null ? null : store(requestId, request.reference() + "-your-data.zip", zip);
        long id = dsl.insertInto(RESPONSE)
                .set(RESPONSE.REQUEST_ID, requestId)
                .set(RESPONSE.LETTER_FILE_ID, letterFile.id())
                .set(RESPONSE.PACKAGE_FILE_ID, packageFile == null ? null : packageFile.id())
                .set(RESPONSE.PREPARED_BY, CurrentUser.username().orElseThrow())
                .set(RESPONSE.PREPARED_AT, Instant.now())
                .set(RESPONSE.NOTE, words)
                .returning(RESPONSE.ID).fetchOne().getId();
        timeline.record(requestId, RequestTimeline.Kind.RESPONSE, "Response prepared: " + letterFile.fileName() + " (SHA-256 " + letterFile.sha256() + ")"
                + (packageFile == null ? "" : " and " + packageFile.fileName() + " (SHA-256 " + packageFile.sha256() + ")"));
        return responses(requestId).stream().filter(r -> r.id() == id).findFirst().orElseThrow();
    }

    @PreAuthorize(DsrPermissions.MAY_READ)
    @Transactional(readOnly = true)
    public List<Response> responses(long requestId) {
        return dsl.selectFrom(RESPONSE).where(RESPONSE.REQUEST_ID.eq(requestId)).orderBy(RESPONSE.PREPARED_AT.desc(), RESPONSE.ID.desc())
                .fetch(Responses::toResponse);
    }

    /** Records when and how a prepared response was sent to the requester (once), with a RESPONSE entry in the timeline. */
    @PreAuthorize(DsrPermissions.MAY_WORK)
    @Transactional
    public Response recordSent(long responseId, SendMethod via, Instant sentAt) {
        Inputs.present("sentVia", via, "Say how the response was sent");
        Inputs.present("sentAt", sentAt, "Say when the response was sent");
        ResponseRecord r = dsl.selectFrom(RESPONSE).where(RESPONSE.ID.eq(responseId)).forUpdate().fetchOptional()
                .orElseThrow(() -> new InvalidInputException("response", "There is no response " + responseId));
        if (r.getSentAt() != null) {
            throw new InvalidInputException("response", "This response was already recorded as sent");
        }
        if (sentAt.isAfter(Instant.now().plus(Duration.ofMinutes(5)))) {
            throw new InvalidInputException("sentAt", "A response cannot be sent in the future");
        }
        if (sentAt.isBefore(r.getPreparedAt().truncatedTo(ChronoUnit.MINUTES))) {
            throw new InvalidInputException("sentAt", "A response cannot be sent before it was prepared");
        }
        r.setSentVia(via.name());
        r.setSentAt(sentAt);
        r.setSentBy(CurrentUser.username().orElseThrow());
        r.store();
        timeline.record(r.getRequestId(), RequestTimeline.Kind.RESPONSE, "Response sent to the requester by " + via.label().toLowerCase(),
                "sent " + SENT_AT.format(sentAt) + " UTC");
        return toResponse(r);
    }

    /** Whether a response to the request was recorded as sent (a request is complied with only then). */
    @PreAuthorize(DsrPermissions.MAY_READ)
    @Transactional(readOnly = true)
    public boolean sent(long requestId) {
        return Responses.sentIn(dsl, requestId);
    }

    static boolean sentIn(DSLContext dsl, long requestId) {
        return dsl.fetchExists(RESPONSE, RESPONSE.REQUEST_ID.eq(requestId).and(RESPONSE.SENT_AT.isNotNull()));
    }

    private static final DateTimeFormatter SENT_AT = DateTimeFormatter.ofPattern("d MMM yyyy HH:mm", Locale.ENGLISH).withZone(ZoneOffset.UTC);

    private static Response toResponse(ResponseRecord r) {
        return new Response(r.getId(), r.getRequestId(), r.getLetterFileId(), r.getPackageFileId(), r.getPreparedBy(), r.getPreparedAt(),
                r.getNote(), r.getSentVia() == null ? null : SendMethod.valueOf(r.getSentVia()), r.getSentAt(), r.getSentBy());
    }

    private RightsRequest request(long requestId) {
        return requests.find(requestId).orElseThrow(() -> new InvalidInputException("request", "There is no request " + requestId));
    }

    private Attachment store(long requestId, String name, byte[] bytes) {
        try {
            return files.upload(TaskFiles.request(requestId), name, new ByteArrayInputStream(bytes));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
