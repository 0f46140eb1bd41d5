package dev.steward.incidents.intake;

import dev.steward.incidents.IncidentPermissions;
import dev.steward.platform.audit.AuditEvent;
import dev.steward.platform.audit.AuditTrail;
import dev.steward.platform.security.CurrentUser;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * {@code POST /api/incidents/intake}: a SIEM or another incident tool opens an incident, or updates the one it opened
 * before (by {@code externalRef} or our {@code reference}). Every call, accepted or not, is written to the audit log.
 */
@RestController
@RequestMapping("/api/incidents")
class IntakeApi {

    private final IntakeService intake;
    private final AuditTrail audit;
    private final TransactionTemplate separately;
    /** The plugin's own mapper: it relies on no JSON configuration of the host. */
    private static final ObjectMapper json = tools.jackson.databind.json.JsonMapper.builder().build();

    IntakeApi(IntakeService intake, AuditTrail audit, PlatformTransactionManager transactions) {
        this.intake = intake;
        this.audit = audit;
        this.separately = new TransactionTemplate(transactions);
        this.separately.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
    }

    @PostMapping(path = "/intake", consumes = MediaType.APPLICATION_JSON_VALUE, produces = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<String> intake(@RequestHeader(name = "Idempotency-Key", required = false) String key,
                                  @RequestBody(required = false) String body) {
        IntakeService.Answer answer;
        try {
            answer = submitOnce(key, body);
        } catch (IntakeRejected rejected) {
            record(key, rejected.status, null, false, rejected.getMessage());
            return ResponseEntity.status(rejected.status).contentType(MediaType.APPLICATION_JSON).body(error(rejected));
        } catch (AccessDeniedException denied) {
            record(key, 403, null, false, "permission denied");
            throw denied;
        }
        record(key, answer.status(), answer.incidentId(), answer.replayed(), null);
        return ResponseEntity.status(answer.status()).contentType(MediaType.APPLICATION_JSON)
                .header("Idempotent-Replayed", Boolean.toString(answer.replayed())).body(answer.json());
    }

    /** Two identical calls at once: the second waits on the first's key, fails on it, and then finds its answer. */
    private IntakeService.Answer submitOnce(String key, String body) {
        try {
            return intake.submit(key, body);
        } catch (DuplicateKeyException concurrent) {
            return intake.submit(key, body);
        }
    }

    private void record(String key, int status, Long incidentId, boolean replayed, String error) {
        Map<String, Object> call = new LinkedHashMap<>();
        call.put("endpoint", "POST /api/incidents/intake");
        call.put("idempotencyKey", key);
        call.put("status", status);
        call.put("replayed", replayed);
        if (error != null) {
            call.put("error", error);
        }
        separately.executeWithoutResult(tx -> audit.record(AuditEvent.of(IncidentPermissions.PLUGIN_ID, "intake",
                incidentId, "API_CALL").after(call).actor(CurrentUser.username().orElse("anonymous"))));
    }

    private String error(IntakeRejected rejected) {
        ObjectNode error = json.createObjectNode();
        error.put("status", rejected.status);
        error.put("error", rejected.getMessage());
        if (!rejected.problems.isEmpty()) {
            ArrayNode fields = error.putArray("fields");
            rejected.problems.forEach(p -> fields.addObject().put("field", p.field()).put("message", p.message()));
        }
        return json.writeValueAsString(error);
    }
}
