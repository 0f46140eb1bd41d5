package dev.steward.incidents;

import dev.steward.incidents.assessment.SeverityBand;
import org.jooq.DSLContext;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.YearMonth;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.temporal.TemporalAdjusters;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

import static org.jooq.impl.DSL.val;

/** The dashboard charts' figures: each one grouped query, bucketed by days, weeks or months of the user's zone. */
@Service
public class IncidentCharts {

    /** Incidents discovered and closed per week (starting Mondays), by severity; the empty key is "not assessed". */
    public record Weekly(List<LocalDate> weeks, Map<Optional<SeverityBand>, int[]> opened, Map<Optional<SeverityBand>, int[]> closed) {
    }

    /** Median hours from discovery to containment and from awareness to the first notice, per month of discovery. */
    public record MonthlyMedians(List<YearMonth> months, Double[] containHours, Double[] notifyHours) {
    }

    private final DSLContext dsl;

    IncidentCharts(DSLContext dsl) {
        this.dsl = dsl;
    }

    /** Severity keys in the charts' order: the worst first, "not assessed" last. */
    public static List<Optional<SeverityBand>> severities() {
        return Stream.concat(Stream.of(SeverityBand.VERY_HIGH, SeverityBand.HIGH, SeverityBand.MEDIUM, SeverityBand.LOW).map(Optional::of),
                Stream.of(Optional.<SeverityBand>empty())).toList();
    }

    @PreAuthorize(IncidentPermissions.MAY_READ)
    @Transactional(readOnly = true)
    public Weekly openedAndClosedPerWeek(int weeks, ZoneId zone) {
        LocalDate first = LocalDate.now(zone).with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY)).minusWeeks(weeks - 1L);
        List<LocalDate> starts = Stream.iterate(first, w -> w.plusWeeks(1)).limit(weeks).toList();
        Weekly result = new Weekly(starts, zeroes(weeks), zeroes(weeks));
        dsl.resultQuery("""
                        select 'opened' what, date_trunc('week', discovered_at at time zone {0})::date week, severity, count(*) n
                        from incidents.incident where discovered_at >= {1} group by 1, 2, 3
                        union all
                        select 'closed', date_trunc('week', closed_at at time zone {0})::date, severity, count(*)
                        from incidents.incident where closed_at >= {1} group by 1, 2, 3""",
                        val(zone.getId()), val(utc(first.atStartOfDay(zone).toInstant())))
                .forEach(r -> {
                    int index = starts.indexOf(r.get("week", LocalDate.class));
                    if (index >= 0) {
                        var counts = r.get("what", String.class).equals("opened") ? result.opened() : result.closed();
                        counts.get(Optional.ofNullable(r.get("severity", String.class)).map(SeverityBand::valueOf))[index] = r.get("n", Integer.class);
                    }
                });
        return result;
    }

    /** Open notices due from now to the end of the {@code days}-th day (today is the first), per day. */
    @PreAuthorize(IncidentPermissions.MAY_READ)
    @Transactional(readOnly = true)
    public Map<LocalDate, Integer> noticesDuePerDay(int days, ZoneId zone) {
        LocalDate today = LocalDate.now(zone);
        Map<LocalDate, Integer> perDay = new LinkedHashMap<>();
        Stream.iterate(today, d -> d.plusDays(1)).limit(days).forEach(d -> perDay.put(d, 0));
        dsl.resultQuery("""
                        select (due_at at time zone {0})::date due_on, count(*) n from incidents.obligation
                        where status in ('PROPOSED', 'REQUIRED') and due_at >= {1} and due_at < {2} group by 1""",
                        val(zone.getId()), val(utc(Instant.now())), val(utc(today.plusDays(days).atStartOfDay(zone).toInstant())))
                .forEach(r -> perDay.put(r.get("due_on", LocalDate.class), r.get("n", Integer.class)));
        return perDay;
    }

    @PreAuthorize(IncidentPermissions.MAY_READ)
    @Transactional(readOnly = true)
    public MonthlyMedians monthlyMedians(int months, ZoneId zone) {
        YearMonth first = YearMonth.now(zone).minusMonths(months - 1L);
        List<YearMonth> all = Stream.iterate(first, m -> m.plusMonths(1)).limit(months).toList();
        MonthlyMedians result = new MonthlyMedians(all, new Double[months], new Double[months]);
        dsl.resultQuery("""
                        select to_char(i.discovered_at at time zone {0}, 'YYYY-MM') ym,
                          percentile_cont(0.5) within group (order by extract(epoch from i.contained_at - i.discovered_at) / 3600)
                            filter (where i.contained_at is not null) contain,
                          percentile_cont(0.5) within group (order by extract(epoch from f.first_sent - i.aware_at) / 3600)
                            filter (where f.first_sent is not null and i.aware_at is not null) notify
                        from incidents.incident i
                        left join (select incident_id, min(sent_at) first_sent from incidents.obligation
                                   where sent_at is not null group by incident_id) f on f.incident_id = i.id
                        where i.discovered_at >= {1} group by 1""",
                        val(zone.getId()), val(utc(first.atDay(1).atStartOfDay(zone).toInstant())))
                .forEach(r -> {
                    int index = all.indexOf(YearMonth.parse(r.get("ym", String.class)));
                    if (index >= 0) {
                        result.containHours()[index] = r.get("contain", Double.class);
                        result.notifyHours()[index] = r.get("notify", Double.class);
                    }
                });
        return result;
    }

    private static Map<Optional<SeverityBand>, int[]> zeroes(int size) {
        Map<Optional<SeverityBand>, int[]> counts = new LinkedHashMap<>();
        severities().forEach(s -> counts.put(s, new int[size]));
        return counts;
    }

    private static OffsetDateTime utc(Instant instant) {
        return instant.atOffset(ZoneOffset.UTC);
    }
}
