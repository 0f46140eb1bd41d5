package dev.steward.dsr.requests;

import dev.steward.dsr.db.tables.records.RequestRecord;
import org.jooq.Condition;
import org.jooq.DSLContext;
import dev.steward.platform.search.SearchSql;
import org.jooq.impl.DSL;
import org.springframework.stereotype.Component;

import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import static dev.steward.dsr.db.Tables.REQUEST;
import static dev.steward.dsr.db.Tables.REQUEST_TYPE;

/** Reads requests with their types; the callers checked access. */
@Component
class RequestReader {

    private final DSLContext dsl;

    RequestReader(DSLContext dsl) {
        this.dsl = dsl;
    }

    Optional<RightsRequest> read(long id) {
        return dsl.selectFrom(REQUEST).where(REQUEST.ID.eq(id)).fetchOptional()
                .map(r -> toRequest(r, typesOf(List.of(id)).getOrDefault(id, Set.of())));
    }

    List<RightsRequest> page(RequestFilter filter, Instant now, int offset, int limit) {
        List<RequestRecord> rows = dsl.selectFrom(REQUEST).where(conditions(filter, now))
                .orderBy(REQUEST.DUE_AT.asc().nullsLast(), REQUEST.ID)
                .offset(offset).limit(limit).fetch();
        Map<Long, Set<RequestType>> types = typesOf(rows.stream().map(RequestRecord::getId).toList());
        return rows.stream().map(r -> toRequest(r, types.getOrDefault(r.getId(), Set.of()))).toList();
    }

    int count(RequestFilter filter, Instant now) {
        return dsl.fetchCount(REQUEST, conditions(filter, now));
    }

    private Condition conditions(RequestFilter filter, Instant now) {
        Condition where = DSL.noCondition();
        if (filter.openOnly()) {
            where = where.and(REQUEST.STATUS.ne(RequestStatus.CLOSED));
        }
        if (filter.status() != null) {
            where = where.and(REQUEST.STATUS.eq(filter.status()));
        }
        if (filter.regime() != null) {
            where = where.and(REQUEST.REGIME.eq(filter.regime().name()));
        }
        if (filter.overdueOnly()) {
            where = where.and(REQUEST.DUE_AT.lt(now));
        }
        if (filter.type() != null) {
            where = where.and(DSL.exists(DSL.selectOne().from(REQUEST_TYPE)
                    .where(REQUEST_TYPE.REQUEST_ID.eq(REQUEST.ID).and(REQUEST_TYPE.TYPE.eq(filter.type())))));
        }
        if (filter.text() != null && !filter.text().isBlank()) {
            where = where.and(SearchSql.matchesAllWords(filter.text(), RequestText.FIELD));
        }
        return where;
    }

    private Map<Long, Set<RequestType>> typesOf(List<Long> ids) {
        if (ids.isEmpty()) {
            return Map.of();
        }
        return dsl.select(REQUEST_TYPE.REQUEST_ID, REQUEST_TYPE.TYPE).from(REQUEST_TYPE).where(REQUEST_TYPE.REQUEST_ID.in(ids))
                .fetchGroups(REQUEST_TYPE.REQUEST_ID, REQUEST_TYPE.TYPE).entrySet().stream()
                .collect(Collectors.toMap(Map.Entry::getKey, e -> (Set<RequestType>) EnumSet.copyOf(e.getValue())));
    }

    static RightsRequest toRequest(RequestRecord r, Set<RequestType> types) {
        return new RightsRequest(r.getId(), r.getReference(), Regime.valueOf(r.getRegime()), r.getJurisdiction(), r.getChannel(),
                r.getReceivedVia(), r.getReceivedAt(), r.getStatus(), types,
                new Requester(r.getRequesterName(), r.getRequesterEmail(), r.getRequesterPhone(), r.getRequesterAddress()),
                r.getSubjectPersonId(), r.getOnBehalf(), r.getAgentName(), r.getAgentEmail(), r.getDetails(),
                r.getAcknowledgeBy(), r.getAcknowledgedAt(), r.getDueAt(), r.getClosedAt(), r.getOutcome(), r.getOutcomeReason(),
                r.getAssignee(), r.getPurgedAt(), r.getVersion());
    }
}
