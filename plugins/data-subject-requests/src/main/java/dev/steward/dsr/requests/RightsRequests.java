package dev.steward.dsr.requests;

import dev.steward.dsr.DsrPermissions;
import dev.steward.dsr.db.Sequences;
import dev.steward.dsr.db.tables.records.RequestRecord;
import dev.steward.platform.validation.ConcurrentChangeException;
import dev.steward.platform.validation.Inputs;
import dev.steward.platform.validation.InvalidInputException;
import org.jooq.DSLContext;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.time.Instant;
import java.time.Year;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

import static dev.steward.dsr.db.Tables.REQUEST;
import static dev.steward.dsr.db.Tables.REQUEST_TYPE;

/** Opens, reads, assigns and closes rights requests; the clock, verification and tasks follow its events. */
@Service
public class RightsRequests {

    private final DSLContext dsl;
    private final RequestTimeline timeline;
    private final RequestReader reader;
    private final RequestFormCheck check;
    private final ApplicationEventPublisher events;

    RightsRequests(DSLContext dsl, RequestTimeline timeline, RequestReader reader, RequestFormCheck check, ApplicationEventPublisher events) {
        this.dsl = dsl;
        this.timeline = timeline;
        this.reader = reader;
        this.check = check;
        this.events = events;
    }

    /** A request the team logs (from a call, a letter, a mailbox) or an intake channel passes on, checked whole. */
    @PreAuthorize(DsrPermissions.MAY_WORK)
    @Transactional
    public RightsRequest open(RequestForm form) {
        RequestForm checked = check.checked(form);
        String jurisdiction = Regime.normalise(checked.jurisdiction()).orElseThrow();
        RequestRecord r = dsl.newRecord(REQUEST);
        r.setReference(nextReference());
        r.setRegime(Regime.of(jurisdiction).name());
        r.setJurisdiction(jurisdiction);
        r.setChannel(checked.channel());
        r.setReceivedVia(checked.receivedVia());
        r.setReceivedAt(checked.receivedAt());
        r.setStatus(RequestStatus.AWAITING_VERIFICATION);
        r.setRequesterName(checked.requester().name());
        r.setRequesterEmail(checked.requester().email());
        r.setRequesterPhone(checked.requester().phone());
        r.setRequesterAddress(checked.requester().address());
        r.setOnBehalf(checked.onBehalf());
        r.setAgentName(checked.agentName());
        r.setAgentEmail(checked.agentEmail());
        r.setDetails(checked.details());
        r.setVersion(0);
        r.store();
        for (RequestType type : checked.types()) {
            dsl.insertInto(REQUEST_TYPE).set(REQUEST_TYPE.REQUEST_ID, r.getId()).set(REQUEST_TYPE.TYPE, type).execute();
        }
        timeline.record(r.getId(), RequestTimeline.Kind.RECEIVED, "Received by " + checked.channel().label().toLowerCase()
                + (checked.receivedVia() == null ? "" : " (" + checked.receivedVia() + ")") + ": "
                + checked.types().stream().sorted().map(RequestType::label).collect(Collectors.joining(", "))
                + "; answered under " + Regime.of(jurisdiction).label());
        events.publishEvent(new RequestOpened(r.getId()));
        return reader.read(r.getId()).orElseThrow();
    }

    @PreAuthorize(DsrPermissions.MAY_READ)
    @Transactional(readOnly = true)
    public Optional<RightsRequest> find(long id) {
        return reader.read(id);
    }

    /** One page of the queue, soonest due first (requests without a clock last). */
    @PreAuthorize(DsrPermissions.MAY_READ)
    @Transactional(readOnly = true)
    public List<RightsRequest> page(RequestFilter filter, int offset, int limit) {
        return reader.page(filter, Instant.now(), offset, limit);
    }

    @PreAuthorize(DsrPermissions.MAY_READ)
    @Transactional(readOnly = true)
    public int count(RequestFilter filter) {
        return reader.count(filter, Instant.now());
    }

    /** Gives the request to a member of the team (null: nobody). */
    @PreAuthorize(DsrPermissions.MAY_WORK)
    @Transactional
    public RightsRequest assign(long id, int version, String username) {
        RequestRecord r = lockedOpen(id, version);
        r.setAssignee(Inputs.optional("assignee", username, 100));
        r.setVersion(version + 1);
        r.store();
        timeline.record(id, RequestTimeline.Kind.ASSIGNED, username == null ? "Unassigned" : "Assigned to " + username);
        return reader.read(id).orElseThrow();
    }

    /** Ends a request with its outcome and the reason the requester is told (required unless complied with in whole). */
    @PreAuthorize(DsrPermissions.MAY_WORK)
    @Transactional
    public RightsRequest close(long id, int version, Outcome outcome, String reason) {
        Inputs.present("outcome", outcome, "Choose how the request ended");
        String why = outcome == Outcome.COMPLETED ? Inputs.optional("reason", reason, 2000)
                : Inputs.required("reason", reason, "Say why: the requester is told the reason", 2000);
        RequestRecord r = lockedOpen(id, version);
        r.setStatus(RequestStatus.CLOSED);
        r.setOutcome(outcome);
        r.setOutcomeReason(why);
        r.setClosedAt(Instant.now());
        r.setVersion(version + 1);
        r.store();
        timeline.record(id, RequestTimeline.Kind.CLOSED, outcome.label(), why);
        events.publishEvent(new RequestClosed(id, outcome));
        return reader.read(id).orElseThrow();
    }

    /** The request row locked for a change, refused when it is closed or someone changed it since {@code version}. */
    RequestRecord lockedOpen(long id, int version) {
        RequestRecord r = dsl.selectFrom(REQUEST).where(REQUEST.ID.eq(id)).forUpdate().fetchOptional()
                .orElseThrow(() -> new InvalidInputException("request", "There is no request " + id));
        if (r.getVersion() != version) {
            throw new ConcurrentChangeException("Someone else changed request " + r.getReference() + " in the meantime; reload and try again");
        }
        if (r.getStatus() == RequestStatus.CLOSED) {
            throw new InvalidInputException("request", "Request " + r.getReference() + " is closed");
        }
        return r;
    }

    private String nextReference() {
        long number = dsl.nextval(Sequences.REQUEST_REFERENCE_SEQ).longValue();
        return "DSR-%d-%06d".formatted(Year.now(ZoneOffset.UTC).getValue(), number);
    }
}
