package dev.steward.dsr.fulfilment;

import dev.steward.dsr.requests.Outcome;
import dev.steward.dsr.requests.RequestClosed;
import dev.steward.dsr.requests.RequestTimeline;
import dev.steward.dsr.verification.RequestVerified;
import dev.steward.platform.security.CurrentUser;
import dev.steward.platform.validation.InvalidInputException;
import org.jooq.DSLContext;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

import java.time.Instant;
import java.util.Set;

import static dev.steward.dsr.db.Tables.TASK;

/**
 * Fulfilment follows the request: verified, its tasks are made; closed, its open tasks are set aside (in the same
 * transaction), and a request is complied with only once its response was sent.
 */
@Component
class FulfilmentEvents {

    private final DSLContext dsl;
    private final RequestTimeline timeline;
    private final TaskMaker maker;

    FulfilmentEvents(DSLContext dsl, RequestTimeline timeline, TaskMaker maker) {
        this.dsl = dsl;
        this.timeline = timeline;
        this.maker = maker;
    }

    /** A verified request's tasks are made at once, over every category of data held (in the verifying transaction). */
    @EventListener
    void verified(RequestVerified event) {
        maker.make(event.requestId(), Set.of(), false);
    }

    /** Refuses (rolling the closing back) a request closed as complied with before its response was recorded as sent. */
    @EventListener
    void closed(RequestClosed event) {
        if ((event.outcome() == Outcome.COMPLETED || event.outcome() == Outcome.PARTIALLY_COMPLETED) && !Responses.sentIn(dsl, event.requestId())) {
            throw new InvalidInputException("outcome", "The request cannot be closed as \"" + event.outcome().label().toLowerCase()
                    + "\" before a response was sent: prepare the response on the Fulfilment tab and record when and how it was sent");
        }
        int setAside = dsl.update(TASK)
                .set(TASK.STATUS, TaskStatus.NOT_APPLICABLE.name())
                .set(TASK.OUTCOME, "The request was closed (" + event.outcome().label().toLowerCase() + ") before this task was done")
                .set(TASK.COMPLETED_BY, CurrentUser.username().orElse("system"))
                .set(TASK.COMPLETED_AT, Instant.now())
                .set(TASK.VERSION, TASK.VERSION.plus(1))
                .where(TASK.REQUEST_ID.eq(event.requestId()).and(TASK.STATUS.eq(TaskStatus.OPEN.name())))
                .execute();
        if (setAside > 0) {
            timeline.record(event.requestId(), RequestTimeline.Kind.TASK, setAside + (setAside == 1 ? " open task" : " open tasks")
                    + " set aside: the request was closed");
        }
    }
}
