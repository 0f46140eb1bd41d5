package dev.steward.incidents;

import dev.steward.incidents.assessment.SeverityBand;
import dev.steward.incidents.obligations.ObligationStatus;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.time.Duration;
import java.time.Instant;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static dev.steward.incidents.db.Tables.INCIDENT;
import static dev.steward.incidents.db.Tables.OBLIGATION;
import static org.jooq.impl.DSL.avg;
import static org.jooq.impl.DSL.count;
import static org.jooq.impl.DSL.field;
import static org.jooq.impl.DSL.min;

/** Figures for the dashboard, each one indexed query. */
@Service
public class IncidentStats {

    /** An open obligation with its due time, for the "due soon" and "overdue" cards. */
    public record DueObligation(long incidentId, String reference, String label, Instant due) {
    }

    private final DSLContext dsl;

    IncidentStats(DSLContext dsl) {
        this.dsl = dsl;
    }

    /** Open incidents per severity band; the null key counts those not assessed yet. */
    @PreAuthorize(IncidentPermissions.MAY_READ)
    @Transactional(readOnly = true)
    public Map<Optional<SeverityBand>, Integer> openBySeverity() {
        Map<Optional<SeverityBand>, Integer> counts = new java.util.LinkedHashMap<>();
        dsl.select(INCIDENT.SEVERITY, count()).from(INCIDENT).where(INCIDENT.PHASE.ne(Phase.CLOSED))
                .groupBy(INCIDENT.SEVERITY)
                .forEach(r -> counts.put(Optional.ofNullable(r.value1()), r.value2()));
        return counts;
    }

    /** Open obligations due between now and now + {@code within}, soonest first. */
    @PreAuthorize(IncidentPermissions.MAY_READ)
    @Transactional(readOnly = true)
    public List<DueObligation> dueWithin(Duration within, int limit) {
        Instant now = Instant.now();
        return due(OBLIGATION.STATUS.in(ObligationStatus.PROPOSED, ObligationStatus.REQUIRED).and(OBLIGATION.DUE_AT.between(now, now.plus(within))), limit);
    }

    /** Open notices in a window, soonest first: the same ones the incident list's {@code notices} filter finds. */
    @PreAuthorize(IncidentPermissions.MAY_READ)
    @Transactional(readOnly = true)
    public List<DueObligation> notices(NoticeDue window, int limit) {
        return due(IncidentList.openNotice(window, Instant.now()), limit);
    }

    /** How many open notices are in a window (all of them, not only those a card shows). */
    @PreAuthorize(IncidentPermissions.MAY_READ)
    @Transactional(readOnly = true)
    public int noticeCount(NoticeDue window) {
        return dsl.fetchCount(OBLIGATION, IncidentList.openNotice(window, Instant.now()));
    }

    @PreAuthorize(IncidentPermissions.MAY_READ)
    @Transactional(readOnly = true)
    public List<DueObligation> overdue(int limit) {
        return notices(NoticeDue.OVERDUE, limit);
    }

    @PreAuthorize(IncidentPermissions.MAY_READ)
    @Transactional(readOnly = true)
    public int overdueCount() {
        return noticeCount(NoticeDue.OVERDUE);
    }

    private List<DueObligation> due(org.jooq.Condition when, int limit) {
        return dsl.select(INCIDENT.ID, INCIDENT.REFERENCE, OBLIGATION.REGIME, OBLIGATION.RECIPIENT, OBLIGATION.DUE_AT)
                .from(OBLIGATION).join(INCIDENT).on(INCIDENT.ID.eq(OBLIGATION.INCIDENT_ID))
                .where(when)
                .orderBy(OBLIGATION.DUE_AT).limit(limit)
                .fetch(r -> new DueObligation(r.value1(), r.value2(), r.value3() + " · " + r.value4(), r.value5()));
    }

    /** Mean time from discovery to containment over incidents discovered in the last {@code period}. */
    @PreAuthorize(IncidentPermissions.MAY_READ)
    @Transactional(readOnly = true)
    public Optional<Duration> meanTimeToContain(Duration period) {
        Field<java.math.BigDecimal> seconds = avg(field("extract(epoch from ({0} - {1}))", java.math.BigDecimal.class,
                INCIDENT.CONTAINED_AT, INCIDENT.DISCOVERED_AT));
        return seconds(dsl.select(seconds).from(INCIDENT).where(INCIDENT.CONTAINED_AT.isNotNull())
                .and(INCIDENT.DISCOVERED_AT.gt(Instant.now().minus(period))).fetchOne(seconds));
    }

    /** Mean time from awareness to the first notice sent, over incidents discovered in the last {@code period}. */
    @PreAuthorize(IncidentPermissions.MAY_READ)
    @Transactional(readOnly = true)
    public Optional<Duration> meanTimeToNotify(Duration period) {
        var firstNotice = dsl.select(OBLIGATION.INCIDENT_ID, min(OBLIGATION.SENT_AT).as("first_sent")).from(OBLIGATION)
                .where(OBLIGATION.SENT_AT.isNotNull()).groupBy(OBLIGATION.INCIDENT_ID).asTable("first_notice");
        Field<java.math.BigDecimal> seconds = avg(field("extract(epoch from ({0} - {1}))", java.math.BigDecimal.class,
                firstNotice.field("first_sent"), INCIDENT.AWARE_AT));
        return seconds(dsl.select(seconds).from(INCIDENT).join(firstNotice).on(INCIDENT.ID.eq(firstNotice.field(OBLIGATION.INCIDENT_ID)))
                .where(INCIDENT.AWARE_AT.isNotNull()).and(INCIDENT.DISCOVERED_AT.gt(Instant.now().minus(period)))
                .fetchOne(seconds));
    }

    private static Optional<Duration> seconds(java.math.BigDecimal value) {
        return Optional.ofNullable(value).map(v -> Duration.ofSeconds(v.longValue()));
    }
}
