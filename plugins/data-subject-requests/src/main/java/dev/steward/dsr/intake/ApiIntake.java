package dev.steward.dsr.intake;

import dev.steward.dsr.DsrPermissions;
import dev.steward.dsr.db.tables.records.IntakeCallRecord;
import dev.steward.dsr.requests.RightsRequest;
import dev.steward.dsr.requests.RightsRequests;
import dev.steward.platform.Sha256;
import dev.steward.platform.security.CurrentUser;
import dev.steward.platform.validation.InvalidInputException;
import org.jooq.DSLContext;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

import java.util.Optional;

import static dev.steward.dsr.db.Tables.INTAKE_CALL;
import static dev.steward.dsr.db.Tables.REQUEST;

/**
 * Opens requests from other tools' JSON (a web form of their own, a ticketing system). A call is identified by its
 * client and idempotency key: the first accepted call's answer is kept and returned for every retry with the same body;
 * the same key with another body is refused. A client reads back only the requests it opened. Rejected calls write
 * nothing.
 */
@Service
public class ApiIntake {

    /** An intake call's answer; {@code replayed}: the stored answer of an earlier call with the same key. */
    public record Answer(int status, String json, Long requestId, boolean replayed) {
    }

    private static final ObjectMapper JSON = JsonMapper.builder().build();

    private final DSLContext dsl;
    private final RightsRequests requests;

    ApiIntake(DSLContext dsl, RightsRequests requests) {
        this.dsl = dsl;
        this.requests = requests;
    }

    @PreAuthorize(DsrPermissions.MAY_WORK)
    @Transactional
    public Answer submit(String idempotencyKey, String body) {
        if (idempotencyKey == null || idempotencyKey.isBlank() || idempotencyKey.length() > 200) {
            throw new IntakeRejected(400, "An Idempotency-Key header of 1 to 200 characters is required, unique per request");
        }
        String client = CurrentUser.username().orElseThrow();
        String hash = Sha256.hex(body == null ? "" : body);
        Optional<IntakeCallRecord> earlier = dsl.selectFrom(INTAKE_CALL)
                .where(INTAKE_CALL.CLIENT.eq(client).and(INTAKE_CALL.IDEMPOTENCY_KEY.eq(idempotencyKey))).fetchOptional();
        if (earlier.isPresent()) {
            if (!earlier.get().getRequestHash().equals(hash)) {
                throw new IntakeRejected(409, "This Idempotency-Key was used for a different request");
            }
            return new Answer(earlier.get().getStatus(), earlier.get().getResponse(), earlier.get().getRequestId(), true);
        }
        ApiFields.Read read = ApiFields.read(parse(body), client);
        if (!read.problems().isEmpty()) {
            throw new IntakeRejected(400, "The request has fields that cannot be read", read.problems());
        }
        RightsRequest opened;
        try {
            opened = requests.open(read.form());
        } catch (InvalidInputException invalid) {
            throw new IntakeRejected(422, "The request is not complete or breaks its rules", invalid.problems());
        }
        String answer = answer(opened.id(), true);
        IntakeCallRecord call = dsl.newRecord(INTAKE_CALL);
        call.setClient(client);
        call.setIdempotencyKey(idempotencyKey);
        call.setRequestHash(hash);
        call.setRequestId(opened.id());
        call.setStatus(201);
        call.setResponse(answer);
        call.store();
        return new Answer(201, answer, opened.id(), false);
    }

    /** Where a request this client opened stands; any other reference is answered as one that does not exist. */
    @PreAuthorize(DsrPermissions.MAY_WORK)
    @Transactional(readOnly = true)
    public String status(String reference) {
        String client = CurrentUser.username().orElseThrow();
        Long id = dsl.select(REQUEST.ID).from(REQUEST).join(INTAKE_CALL).on(INTAKE_CALL.REQUEST_ID.eq(REQUEST.ID))
                .where(REQUEST.REFERENCE.eq(reference == null ? "" : reference)).and(INTAKE_CALL.CLIENT.eq(client))
                .and(INTAKE_CALL.STATUS.eq(201)).limit(1).fetchOne(REQUEST.ID);
        if (id == null) {
            throw new IntakeRejected(404, "No request with this reference was opened through this client");
        }
        return answer(id, false);
    }

    private static JsonNode parse(String body) {
        try {
            JsonNode node = body == null || body.isBlank() ? null : JSON.readTree(body);
            if (node == null || !node.isObject()) {
                throw new IntakeRejected(400, "The body must be a JSON object");
            }
            return node;
        } catch (JacksonException e) {
            throw new IntakeRejected(400, "The body is not valid JSON");
        }
    }

    /** What the client may know: our reference and where the request stands, no personal data. */
    private String answer(long id, boolean created) {
        var r = dsl.selectFrom(REQUEST).where(REQUEST.ID.eq(id)).fetchOne();
        ObjectNode answer = JSON.createObjectNode();
        answer.put("reference", r.getReference());
        if (created) {
            answer.put("created", true);
        }
        answer.put("status", r.getStatus().name());
        answer.put("regime", r.getRegime());
        answer.put("receivedAt", r.getReceivedAt().toString());
        answer.put("dueAt", r.getDueAt() == null ? null : r.getDueAt().toString());
        answer.put("outcome", r.getOutcome() == null ? null : r.getOutcome().name());
        return JSON.writeValueAsString(answer);
    }
}
