package dev.steward.reviews.integration;

import dev.steward.reviews.ReviewPermissions;
import org.jooq.DSLContext;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;

import static org.jooq.impl.DSL.val;

/** The campaign burn-down chart's figures: one grouped query over the active campaigns' items. */
@Service
public class ReviewCharts {

    /** At the end of a day: items still pending, and items decided so far by people and by rules (no-response rules). */
    public record Day(LocalDate day, int pending, int byPeople, int byRule) {
    }

    private final DSLContext dsl;

    ReviewCharts(DSLContext dsl) {
        this.dsl = dsl;
    }

    /**
     * The last {@code days} days (today last), days of {@code zone}, over the campaigns active now, from their launch.
     * Pending means not finally decided: an item that goes on to a later stage is pending again, and the stage-1
     * decision that sent it on is no longer counted on the days before (the item keeps only its latest decision).
     */
    @PreAuthorize(ReviewPermissions.MAY_READ_FIGURES)
    @Transactional(readOnly = true)
    public List<Day> burnDown(int days, ZoneId zone) {
        LocalDate today = LocalDate.now(zone);
        return dsl.resultQuery("""
                        with day as (select d::date day_on, (d + interval '1 day') at time zone {0} ends
                                     from generate_series({1}::timestamp, {2}::timestamp, interval '1 day') d)
                        select day.day_on,
                          count(i.id) filter (where i.decided_at is null or i.decided_at >= day.ends) pending,
                          count(i.id) filter (where i.decided_at < day.ends and not i.by_rule) people,
                          count(i.id) filter (where i.decided_at < day.ends and i.by_rule) rules
                        from day
                        left join reviews.campaign c on c.status = 'ACTIVE' and c.launched_at < day.ends
                        left join reviews.review_item i on i.campaign_id = c.id
                        group by day.day_on order by day.day_on""",
                        val(zone.getId()), val(today.minusDays(days - 1L)), val(today))
                .fetch(r -> new Day(r.get("day_on", LocalDate.class), r.get("pending", Integer.class), r.get("people", Integer.class),
                        r.get("rules", Integer.class)));
    }
}
