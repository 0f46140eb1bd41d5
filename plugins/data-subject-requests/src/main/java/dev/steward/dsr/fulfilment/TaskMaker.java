package dev.steward.dsr.fulfilment;

import dev.steward.dsr.db.tables.records.RequestRecord;
import dev.steward.dsr.requests.RequestStatus;
import dev.steward.dsr.requests.RequestTimeline;
import dev.steward.dsr.requests.RequestType;
import dev.steward.platform.catalog.CatalogKind;
import dev.steward.platform.catalog.PrivacyCatalog;
import dev.steward.platform.validation.InvalidInputException;
import org.jooq.DSLContext;
import org.springframework.stereotype.Component;

import java.time.Duration;
import java.time.Instant;
import java.util.EnumSet;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

import static dev.steward.dsr.db.Tables.REQUEST;
import static dev.steward.dsr.db.Tables.REQUEST_TYPE;
import static dev.steward.dsr.db.Tables.TASK;

/**
 * Makes a request's tasks from the personal-data map. Runs as whoever verified the request, an intake channel too
 * (a request that needs no verification is verified as it is opened), so it reads the request in SQL; the callers
 * checked their permission.
 */
@Component
class TaskMaker {

    /** Tasks are due this long before the request, so that the answer can be put together in time. */
    static final Duration LEAD = Duration.ofDays(5);

    private final DSLContext dsl;
    private final Holders holders;
    private final PrivacyCatalog catalog;
    private final RequestTimeline timeline;
    private final TaskAssignees assignees;

    TaskMaker(DSLContext dsl, Holders holders, PrivacyCatalog catalog, RequestTimeline timeline, TaskAssignees assignees) {
        this.dsl = dsl;
        this.holders = holders;
        this.catalog = catalog;
        this.timeline = timeline;
        this.assignees = assignees;
    }

    /**
     * @param categories the catalogue categories the request involves (empty: all); tasks already made are kept as they are
     * @param onRequest  asked by someone (then "no new tasks" is recorded too), not by an event
     */
    int make(long requestId, Set<String> categories, boolean onRequest) {
        RequestRecord request = dsl.selectFrom(REQUEST).where(REQUEST.ID.eq(requestId)).fetchOptional()
                .orElseThrow(() -> new InvalidInputException("request", "There is no request " + requestId));
        if (request.getStatus() == RequestStatus.CLOSED) {
            throw new InvalidInputException("request", "Request " + request.getReference() + " is closed");
        }
        if (request.getStatus() == RequestStatus.AWAITING_VERIFICATION) {
            throw new InvalidInputException("request", "Request " + request.getReference() + " is not verified yet: its tasks are made when it is");
        }
        Set<String> involved = new TreeSet<>();
        for (String code : categories == null ? Set.<String>of() : categories) {
            if (code == null || !catalog.exists(CatalogKind.DATA_CATEGORY, code)) {
                throw new InvalidInputException("categories", "There is no data category " + code + " in the catalogue");
            }
            involved.add(code);
        }
        Set<RequestType> types = EnumSet.noneOf(RequestType.class);
        types.addAll(dsl.select(REQUEST_TYPE.TYPE).from(REQUEST_TYPE).where(REQUEST_TYPE.REQUEST_ID.eq(requestId)).fetch(REQUEST_TYPE.TYPE));
        Instant due = dueOf(request.getDueAt());
        int made = 0;
        for (TaskPlanner.Planned p : TaskPlanner.plan(types, involved, holders.holders())) {
            Set<String> held = p.holder().categories().isEmpty() || involved.isEmpty() ? p.holder().categories()
                    : p.holder().categories().stream().filter(involved::contains).collect(Collectors.toSet());
            made += dsl.insertInto(TASK)
                    .set(TASK.REQUEST_ID, requestId)
                    .set(TASK.ACTION, p.action().name())
                    .set(TASK.HOLDER_TYPE, p.holder().type())
                    .set(TASK.HOLDER_ID, p.holder().id())
                    .set(TASK.HOLDER_NAME, clip(p.holder().name(), 300))
                    .set(TASK.HOLDER_KIND, p.holder().kind().name())
                    .set(TASK.VIA_ID, p.holder().viaId() == null ? "" : p.holder().viaId())
                    .set(TASK.VIA_NAME, p.viaName() == null ? null : clip(p.viaName(), 300))
                    .set(TASK.CONTACT_EMAIL, p.holder().contactEmail())
                    .set(TASK.CATEGORIES, String.join(",", new TreeSet<>(held)))
                    .set(TASK.ASSIGNEE, assignees.of(p.holder().ownerPersonId()).orElse(request.getAssignee()))
                    .set(TASK.DUE_AT, due)
                    .set(TASK.CREATED_AT, Instant.now())
                    .onConflictDoNothing().execute();
        }
        if (made == 0 && !onRequest) {
            return 0;
        }
        timeline.record(requestId, RequestTimeline.Kind.TASK, made == 0 ? "Fulfilment started: no new tasks"
                : "Fulfilment started: " + made + (made == 1 ? " task" : " tasks")
                + (involved.isEmpty() ? " for every category of data held" : " for " + String.join(", ", involved)));
        return made;
    }

    /** A few days before the request is due; a request due sooner gets its tasks due tomorrow, or when it is due. */
    static Instant dueOf(Instant requestDue) {
        if (requestDue == null) {
            return null;
        }
        Instant early = requestDue.minus(LEAD);
        Instant tomorrow = Instant.now().plus(Duration.ofDays(1));
        Instant soonest = tomorrow.isBefore(requestDue) ? tomorrow : requestDue;
        return early.isAfter(soonest) ? early : soonest;
    }

    private static String clip(String text, int max) {
        return text.length() > max ? text.substring(0, max - 1) + "…" : text;
    }
}
