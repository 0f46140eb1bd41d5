package dev.steward.dsr.intake;

import dev.steward.dsr.DsrPermissions;
import dev.steward.platform.audit.AuditEvent;
import dev.steward.platform.audit.AuditTrail;
import dev.steward.platform.security.CurrentUser;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * {@code POST /api/dsr/requests}: another tool opens a rights request; {@code GET /api/dsr/requests/{reference}}: it
 * reads where a request it opened stands. Every POST, accepted or not, is written to the audit log.
 */
@RestController
@RequestMapping("/api/dsr/requests")
class IntakeApi {

    /** Far more than any request (details are at most 10,000 characters); a larger body is refused unread. */
    static final int MAX_BODY_BYTES = 256 * 1024;
    private static final ObjectMapper JSON = JsonMapper.builder().build();

    private final ApiIntake intake;
    private final AuditTrail audit;
    private final TransactionTemplate separately;

    IntakeApi(ApiIntake intake, AuditTrail audit, PlatformTransactionManager transactions) {
        this.intake = intake;
        this.audit = audit;
        this.separately = new TransactionTemplate(transactions);
        this.separately.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
    }

    @PostMapping(produces = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<String> submit(@RequestHeader(name = "Idempotency-Key", required = false) String key,
                                  @RequestHeader(name = "Content-Type", required = false) String type,
                                  @RequestHeader(name = "Content-Length", required = false) Long length,
                                  InputStream body) throws IOException {
        ApiIntake.Answer answer;
        try {
            answer = submitOnce(key, body(type, length, body));
        } catch (IntakeRejected rejected) {
            record(key, rejected.status, null, false, rejected.getMessage());
            return error(rejected);
        } catch (AccessDeniedException denied) {
            record(key, 403, null, false, "permission denied");
            throw denied;
        }
        record(key, answer.status(), answer.requestId(), answer.replayed(), null);
        return ResponseEntity.status(answer.status()).contentType(MediaType.APPLICATION_JSON)
                .header("Idempotent-Replayed", Boolean.toString(answer.replayed())).body(answer.json());
    }

    @GetMapping(path = "/{reference}", produces = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<String> status(@PathVariable String reference) {
        try {
            return ResponseEntity.ok().contentType(MediaType.APPLICATION_JSON).body(intake.status(reference));
        } catch (IntakeRejected rejected) {
            return error(rejected);
        }
    }

    /** The body as text, read no further than the limit: a declared or actual larger body is refused with 413. */
    private static String body(String type, Long length, InputStream body) throws IOException {
        if (length != null && length > MAX_BODY_BYTES) {
            throw new IntakeRejected(413, "The body is larger than " + MAX_BODY_BYTES / 1024 + " KB");
        }
        if (!json(type)) {
            throw new IntakeRejected(415, "Send the request as application/json");
        }
        try (InputStream in = body) {
            byte[] bytes = in.readNBytes(MAX_BODY_BYTES + 1);
            if (bytes.length > MAX_BODY_BYTES) {
                throw new IntakeRejected(413, "The body is larger than " + MAX_BODY_BYTES / 1024 + " KB");
            }
            return new String(bytes, StandardCharsets.UTF_8);
        }
    }

    private static boolean json(String type) {
        try {
            return type != null && MediaType.APPLICATION_JSON.isCompatibleWith(MediaType.parseMediaType(type));
        } catch (org.springframework.http.InvalidMediaTypeException e) {
            return false;
        }
    }

    /** Two identical calls at once: the second waits on the first's key, fails on it, and then finds its answer. */
    private ApiIntake.Answer submitOnce(String key, String body) {
        try {
            return intake.submit(key, body);
        } catch (DuplicateKeyException concurrent) {
            return intake.submit(key, body);
        }
    }

    private void record(String key, int status, Long requestId, boolean replayed, String error) {
        Map<String, Object> call = new LinkedHashMap<>();
        call.put("endpoint", "POST /api/dsr/requests");
        call.put("idempotencyKey", key);
        call.put("status", status);
        call.put("replayed", replayed);
        if (error != null) {
            call.put("error", error);
        }
        separately.executeWithoutResult(tx -> audit.record(AuditEvent.of(DsrPermissions.PLUGIN_ID, "intake",
                requestId, "API_CALL").after(call).actor(CurrentUser.username().orElse("anonymous"))));
    }

    private static ResponseEntity<String> error(IntakeRejected rejected) {
        ObjectNode error = JSON.createObjectNode();
        error.put("status", rejected.status);
        error.put("error", rejected.getMessage());
        if (!rejected.problems.isEmpty()) {
            ArrayNode fields = error.putArray("fields");
            rejected.problems.forEach(p -> fields.addObject().put("field", p.field()).put("message", p.message()));
        }
        return ResponseEntity.status(rejected.status).contentType(MediaType.APPLICATION_JSON).body(JSON.writeValueAsString(error));
    }
}
