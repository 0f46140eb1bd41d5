package dev.steward.incidents.intake;

import dev.steward.platform.Sha256;
import dev.steward.incidents.Incident;
import dev.steward.incidents.IncidentForm;
import dev.steward.incidents.IncidentPermissions;
import dev.steward.incidents.IncidentReader;
import dev.steward.incidents.IncidentService;
import dev.steward.incidents.IncidentSource;
import dev.steward.incidents.OurRole;
import dev.steward.incidents.db.tables.records.IntakeRequestRecord;
import dev.steward.incidents.obligations.ObligationService;
import dev.steward.platform.security.CurrentUser;
import dev.steward.platform.validation.InvalidInputException;
import org.jooq.DSLContext;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;

import static dev.steward.incidents.db.Tables.INCIDENT;
import static dev.steward.incidents.db.Tables.INTAKE_REQUEST;

/**
 * Opens or updates an incident from another tool's JSON. A call is identified by its client and idempotency key: the
 * first accepted call's answer is kept and returned for every retry with the same body; the same key with another
 * body is refused. Rejected calls write nothing.
 */
@Service
public class IntakeService {

    /** The answer to an intake call. {@code replayed}: the stored answer of an earlier call with the same key. */
    public record Answer(int status, String json, Long incidentId, boolean replayed) {
    }

    private final DSLContext dsl;
    private final IncidentService incidents;
    private final IncidentReader reader;
    private final ObligationService obligations;
    /** The plugin's own mapper: it relies on no JSON configuration of the host. */
    private static final ObjectMapper json = tools.jackson.databind.json.JsonMapper.builder().build();

    IntakeService(DSLContext dsl, IncidentService incidents, IncidentReader reader,
                  ObligationService obligations) {
        this.dsl = dsl;
        this.incidents = incidents;
        this.reader = reader;
        this.obligations = obligations;
    }

    @PreAuthorize(IncidentPermissions.MAY_REPORT)
    @Transactional
    public Answer submit(String idempotencyKey, String body) {
        if (idempotencyKey == null || idempotencyKey.isBlank() || idempotencyKey.length() > 200) {
            throw new IntakeRejected(400, "An Idempotency-Key header of 1 to 200 characters is required, unique per incident report");
        }
        String client = CurrentUser.username().orElseThrow();
        String hash = Sha256.hex(body == null ? "" : body);
        Optional<IntakeRequestRecord> earlier = dsl.selectFrom(INTAKE_REQUEST)
                .where(INTAKE_REQUEST.CLIENT.eq(client).and(INTAKE_REQUEST.IDEMPOTENCY_KEY.eq(idempotencyKey))).fetchOptional();
        if (earlier.isPresent()) {
            if (!earlier.get().getRequestHash().equals(hash)) {
                throw new IntakeRejected(409, "The Idempotency-Key " + idempotencyKey + " was used for a different request");
            }
            return new Answer(earlier.get().getStatus(), earlier.get().getResponse(), earlier.get().getIncidentId(), true);
        }
        JsonNode request = parse(body);
        Optional<Incident> existing = target(request, client);
        IncidentForm form = existing.map(Incident::facts).orElseGet(IncidentForm::new);
        if (existing.isEmpty()) {
            form.setSource(IncidentSource.SIEM);
            form.setOurRole(OurRole.CONTROLLER);
            form.setReporter(client);
        }
        List<InvalidInputException.Problem> problems = IntakeFields.apply(request, form);
        if (request.has("externalRef") && existing.isEmpty()) {
            form.setExternalRef(request.get("externalRef").asString());
        }
        if (!problems.isEmpty()) {
            throw new IntakeRejected(400, "The request has invalid fields", problems);
        }
        Incident saved;
        try {
            saved = existing.isEmpty() ? incidents.create(form) : incidents.update(existing.get().id(), existing.get().version(), form);
        } catch (InvalidInputException invalid) {
            throw new IntakeRejected(400, "The incident breaks its rules", invalid.problems());
        } catch (IllegalStateException refused) {
            throw new IntakeRejected(409, refused.getMessage());
        }
        if (existing.isEmpty()) {
            dsl.update(INCIDENT).set(INCIDENT.INTAKE_CLIENT, client).where(INCIDENT.ID.eq(saved.id())).execute();
        }
        int status = existing.isEmpty() ? 201 : 200;
        String answer = answer(saved, existing.isEmpty());
        IntakeRequestRecord stored = dsl.newRecord(INTAKE_REQUEST);
        stored.setClient(client);
        stored.setIdempotencyKey(idempotencyKey);
        stored.setRequestHash(hash);
        stored.setIncidentId(saved.id());
        stored.setStatus(status);
        stored.setResponse(answer);
        stored.store();
        return new Answer(status, answer, saved.id(), false);
    }

    private JsonNode parse(String body) {
        try {
            JsonNode node = body == null || body.isBlank() ? null : json.readTree(body);
            if (node == null || !node.isObject()) {
                throw new IntakeRejected(400, "The body must be a JSON object");
            }
            return node;
        } catch (JacksonException e) {
            throw new IntakeRejected(400, "The body is not valid JSON: " + e.getOriginalMessage());
        }
    }

    /**
     * The incident a request updates: by our reference, or by the caller's external reference; empty to open one. A
     * client may update only the incidents it opened (unless it holds {@link IncidentPermissions#INTAKE_UPDATE_ANY}):
     * a reference it did not open is answered exactly as one that does not exist, so the answer tells nothing about
     * other incidents.
     */
    private Optional<Incident> target(JsonNode request, String client) {
        if (request.hasNonNull("reference")) {
            String reference = request.get("reference").asString();
            return Optional.of(reader.findByReference(reference).filter(incident -> mayUpdate(incident, client))
                    .orElseThrow(() -> new IntakeRejected(404, "No incident " + reference + " was opened through this client")));
        }
        if (request.hasNonNull("externalRef")) {
            String externalRef = request.get("externalRef").asString();
            Optional<Incident> found = reader.findByExternalRef(externalRef);
            if (found.isPresent() && !mayUpdate(found.get(), client)) {
                throw new IntakeRejected(404, "No incident with the external reference " + externalRef + " was opened through this client");
            }
            return found;
        }
        return Optional.empty();
    }

    private boolean mayUpdate(Incident incident, String client) {
        return CurrentUser.hasPermission(IncidentPermissions.INTAKE_UPDATE_ANY)
                || client.equals(dsl.select(INCIDENT.INTAKE_CLIENT).from(INCIDENT).where(INCIDENT.ID.eq(incident.id())).fetchOne(INCIDENT.INTAKE_CLIENT));
    }

    private String answer(Incident incident, boolean created) {
        ObjectNode answer = json.createObjectNode();
        answer.put("id", incident.id());
        answer.put("reference", incident.reference());
        answer.put("created", created);
        answer.put("phase", incident.phase().name());
        answer.put("link", "incidents/" + incident.id());
        ArrayNode notices = answer.putArray("obligations");
        obligations.of(incident.id()).forEach(o -> {
            ObjectNode n = notices.addObject();
            n.put("regime", o.regime());
            n.put("recipient", o.recipient());
            n.put("jurisdiction", o.jurisdiction());
            n.put("status", o.status().name());
            n.put("due", o.due() == null ? null : o.due().toString());
        });
        return json.writeValueAsString(answer);
    }
}
