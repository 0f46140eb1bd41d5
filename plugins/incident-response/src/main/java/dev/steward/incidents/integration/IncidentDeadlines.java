package dev.steward.incidents.integration;

import dev.steward.incidents.IncidentPermissions;
import dev.steward.incidents.obligations.ObligationStatus;
import dev.steward.incidents.work.Task;
import dev.steward.platform.spi.DeadlineSource;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.springframework.stereotype.Component;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import static dev.steward.incidents.db.Tables.INCIDENT;
import static dev.steward.incidents.db.Tables.OBLIGATION;
import static dev.steward.incidents.db.Tables.TASK;
import static org.jooq.impl.DSL.coalesce;
import static org.jooq.impl.DSL.noCondition;

/**
 * Notification obligations and incident tasks as platform deadlines: on "My work", reminded before they are due and
 * escalated when missed. An obligation belongs to the incident's assignee; privacy officers (notify permission) see
 * all and receive the escalations. Only holders of the read permission see any of them.
 */
@Component
class IncidentDeadlines implements DeadlineSource {

    private final DSLContext dsl;

    IncidentDeadlines(DSLContext dsl) {
        this.dsl = dsl;
    }

    @Override
    public String officerPermission() {
        return IncidentPermissions.NOTIFY;
    }

    /** Titles name the incident and whom it must be notified to: only incident readers see them, assignee or not. */
    @Override
    public String readPermission(Deadline deadline) {
        return IncidentPermissions.READ;
    }

    @Override
    public List<Deadline> deadlines(DeadlineQuery query) {
        List<Deadline> all = new ArrayList<>(obligations(query));
        all.addAll(tasks(query));
        return all;
    }

    private List<Deadline> obligations(DeadlineQuery query) {
        Field<String> owner = coalesce(INCIDENT.ASSIGNEE, INCIDENT.CREATED_BY);
        Condition where = OBLIGATION.DUE_AT.isNotNull()
                .and(query.owners() == null ? noCondition() : owner.in(query.owners()))
                .and(query.dueBefore() == null ? noCondition() : OBLIGATION.DUE_AT.lt(query.dueBefore()))
                .and(query.openOnly() ? OBLIGATION.STATUS.in(ObligationStatus.PROPOSED, ObligationStatus.REQUIRED) : noCondition());
        Instant now = Instant.now();
        return dsl.select(OBLIGATION.ID, OBLIGATION.REGIME, OBLIGATION.RECIPIENT, OBLIGATION.STATUS, OBLIGATION.DUE_AT,
                        OBLIGATION.DECISION_REASON, INCIDENT.ID, INCIDENT.REFERENCE, owner)
                .from(OBLIGATION).join(INCIDENT).on(INCIDENT.ID.eq(OBLIGATION.INCIDENT_ID)).where(where)
                .fetch(r -> {
                    Instant due = r.value5();
                    State state = switch (r.value4()) {
                        case SENT -> State.MET;
                        case NOT_REQUIRED -> State.WAIVED;
                        default -> due.isBefore(now) ? State.MISSED : State.OPEN;
                    };
                    return new Deadline("incidents:obligation:" + r.value1() + ":notice", IncidentPermissions.PLUGIN_ID,
                            r.value8() + " · notify " + r.value3() + " (" + r.value2() + ")", r.value9(), due, Severity.CRITICAL,
                            "incidents/" + r.value7(), state, r.value6());
                });
    }

    private List<Deadline> tasks(DeadlineQuery query) {
        Field<String> owner = coalesce(TASK.ASSIGNEE, INCIDENT.ASSIGNEE, INCIDENT.CREATED_BY);
        Condition where = TASK.DUE_AT.isNotNull()
                .and(query.owners() == null ? noCondition() : owner.in(query.owners()))
                .and(query.dueBefore() == null ? noCondition() : TASK.DUE_AT.lt(query.dueBefore()))
                .and(query.openOnly() ? TASK.STATUS.eq(Task.Status.OPEN) : noCondition());
        Instant now = Instant.now();
        return dsl.select(TASK.ID, TASK.TITLE, TASK.STATUS, TASK.DUE_AT, INCIDENT.ID, INCIDENT.REFERENCE, owner)
                .from(TASK).join(INCIDENT).on(INCIDENT.ID.eq(TASK.INCIDENT_ID)).where(where)
                .fetch(r -> {
                    Instant due = r.value4();
                    State state = switch (r.value3()) {
                        case DONE -> State.MET;
                        case CANCELLED -> State.WAIVED;
                        default -> due.isBefore(now) ? State.MISSED : State.OPEN;
                    };
                    return new Deadline("incidents:task:" + r.value1() + ":due", IncidentPermissions.PLUGIN_ID,
                            r.value6() + " · " + r.value2(), r.value7(), due, Severity.MEDIUM, "incidents/" + r.value5(), state, null);
                });
    }
}
