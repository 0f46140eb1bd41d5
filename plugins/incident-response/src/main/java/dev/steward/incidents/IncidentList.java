package dev.steward.incidents;

import dev.steward.incidents.assessment.SeverityBand;
import dev.steward.incidents.obligations.ObligationStatus;
import dev.steward.incidents.work.Task;
import dev.steward.platform.search.SearchSql;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.SortField;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.util.ArrayList;
import java.util.List;

import static dev.steward.incidents.db.Tables.INCIDENT;
import static dev.steward.incidents.db.Tables.OBLIGATION;
import static dev.steward.incidents.db.Tables.TASK;
import static org.jooq.impl.DSL.count;
import static org.jooq.impl.DSL.exists;
import static org.jooq.impl.DSL.field;
import static org.jooq.impl.DSL.min;
import static org.jooq.impl.DSL.noCondition;
import static org.jooq.impl.DSL.select;
import static org.jooq.impl.DSL.selectCount;
import static org.jooq.impl.DSL.selectOne;

/** The incident grid: filters and sorting in SQL, one page at a time. */
@Service
public class IncidentList {

    public enum SortBy { DISCOVERED, REFERENCE, TITLE, PHASE, SEVERITY, ASSIGNEE }

    /** The expression the trigram index covers (V3 migration). */
    static final Field<String> SEARCH_TEXT = field("({0} || ' ' || {1})", String.class, INCIDENT.REFERENCE, INCIDENT.TITLE);

    private final DSLContext dsl;

    IncidentList(DSLContext dsl) {
        this.dsl = dsl;
    }

    @PreAuthorize(IncidentPermissions.MAY_READ)
    @Transactional(readOnly = true)
    public List<IncidentRow> page(IncidentFilter filter, SortBy sortBy, boolean ascending, int offset, int limit) {
        return rows(condition(filter), order(sortBy, ascending), offset, limit);
    }

    /** The incidents with these ids (those that exist). */
    @PreAuthorize(IncidentPermissions.MAY_READ)
    @Transactional(readOnly = true)
    public List<IncidentRow> byIds(java.util.Collection<Long> ids) {
        return rows(INCIDENT.ID.in(ids), List.of(INCIDENT.ID.asc()), 0, ids.size());
    }

    private List<IncidentRow> rows(Condition where, List<SortField<?>> order, int offset, int limit) {
        Field<java.time.Instant> nextDue = select(min(OBLIGATION.DUE_AT)).from(OBLIGATION)
                .where(OBLIGATION.INCIDENT_ID.eq(INCIDENT.ID).and(OBLIGATION.STATUS.in(ObligationStatus.PROPOSED, ObligationStatus.REQUIRED))).asField("next_due");
        Field<Integer> openTasks = selectCount().from(TASK)
                .where(TASK.INCIDENT_ID.eq(INCIDENT.ID).and(TASK.STATUS.eq(Task.Status.OPEN))).asField("open_tasks");
        return dsl.select(INCIDENT.ID, INCIDENT.REFERENCE, INCIDENT.TITLE, INCIDENT.TYPE, INCIDENT.PHASE, INCIDENT.SEVERITY,
                        INCIDENT.ASSIGNEE, INCIDENT.DISCOVERED_AT, nextDue, openTasks)
                .from(INCIDENT).where(where).orderBy(order).offset(offset).limit(limit)
                .fetch(r -> new IncidentRow(r.value1(), r.value2(), r.value3(), r.value4(),
                        r.value5(), r.value6(), r.value7(),
                        r.value8(), r.value9(), r.value10()));
    }

    @PreAuthorize(IncidentPermissions.MAY_READ)
    @Transactional(readOnly = true)
    public int count(IncidentFilter filter) {
        return dsl.fetchCount(INCIDENT, condition(filter));
    }

    static Condition condition(IncidentFilter f) {
        Condition c = noCondition();
        if (f.text() != null && SearchSql.searchable(f.text())) {
            c = c.and(SearchSql.matchesAllWords(f.text(), SEARCH_TEXT));
        }
        if (f.phase() != null) {
            c = c.and(INCIDENT.PHASE.eq(f.phase()));
        } else if (f.openOnly()) {
            c = c.and(INCIDENT.PHASE.ne(Phase.CLOSED));
        }
        if (f.severity() != null) {
            c = c.and(INCIDENT.SEVERITY.eq(f.severity()));
        }
        if (f.type() != null) {
            c = c.and(INCIDENT.TYPE.eq(f.type()));
        }
        if (f.assignee() != null && !f.assignee().isBlank()) {
            c = c.and(INCIDENT.ASSIGNEE.eq(f.assignee().strip()));
        }
        if (f.discovered() != null) {
            c = c.and(INCIDENT.DISCOVERED_AT.ge(f.discovered().from())).and(INCIDENT.DISCOVERED_AT.lt(f.discovered().before()));
        }
        if (f.notices() != null) {
            c = c.and(exists(selectOne().from(OBLIGATION)
                    .where(OBLIGATION.INCIDENT_ID.eq(INCIDENT.ID)).and(openNotice(f.notices(), java.time.Instant.now()))));
        }
        return c;
    }

    /** An open obligation in the window: the same condition the dashboard's notice cards count with. */
    static Condition openNotice(NoticeDue notices, java.time.Instant now) {
        Condition open = OBLIGATION.STATUS.in(ObligationStatus.PROPOSED, ObligationStatus.REQUIRED);
        return open.and(notices.within().map(w -> OBLIGATION.DUE_AT.between(now, now.plus(w))).orElse(OBLIGATION.DUE_AT.lt(now)));
    }

    private static List<SortField<?>> order(SortBy sortBy, boolean ascending) {
        Field<?> key = switch (sortBy) {
            case DISCOVERED -> INCIDENT.DISCOVERED_AT;
            case REFERENCE -> INCIDENT.REFERENCE;
            case TITLE -> INCIDENT.TITLE;
            case PHASE -> field("array_position(array['REPORTED','TRIAGE','CONTAINED','ASSESSED','NOTIFIED','CLOSED']::varchar[], {0})",
                    Integer.class, INCIDENT.PHASE);
            case SEVERITY -> field("array_position(array['LOW','MEDIUM','HIGH','VERY_HIGH']::varchar[], {0})", Integer.class,
                    INCIDENT.SEVERITY);
            case ASSIGNEE -> INCIDENT.ASSIGNEE;
        };
        List<SortField<?>> order = new ArrayList<>();
        // NULLS LAST only where a column may be null: on NOT NULL columns it would stop PostgreSQL using their indexes
        boolean nullable = sortBy == SortBy.SEVERITY || sortBy == SortBy.ASSIGNEE;
        SortField<?> first = ascending ? key.asc() : key.desc();
        order.add(nullable ? (ascending ? key.asc().nullsLast() : key.desc().nullsLast()) : first);
        order.add(ascending ? INCIDENT.ID.asc() : INCIDENT.ID.desc());
        return order;
    }
}
