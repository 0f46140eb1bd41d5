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
     * The last {@code days} days (today last), days of {@code zone}, over the campaigns active now: an item counts
     * from the start of its stage (a later stage's items appear when it starts).
     */
    @PreAuthorize(ReviewPermissions.MAY_READ_FIGURES)
    @Transactional(readOnly = true)
    public List<Day> burnDown(int days, ZoneId zone) {
        LocalDate today = LocalDate.now(zone);
        return dsl.resultQuery("""
                        with day as (select d::date day, (d + interval '1 day') at time zone {0} ends
                                     from generate_series({1}::timestamp, {2}::timestamp, interval '1 day') d)
                        select day.day,
                          count(i.id) filter (where i.decided_at is null or i.decided_at >= day.ends) pending,
                          count(i.id) filter (where i.decided_at < day.ends and not i.by_rule) people,
                          count(i.id) filter (where i.decided_at < day.ends and i.by_rule) rules
                        from day
                        left join (reviews.review_item i
                                   join reviews.campaign c on c.id = i.campaign_id and c.status = 'ACTIVE'
                                   join reviews.campaign_stage s on s.campaign_id = i.campaign_id and s.stage = i.stage)
                          on s.started_at < day.ends
                        group by day.day order by day.day""",
                        val(zone.getId()), val(today.minusDays(days - 1L)), val(today))
                .fetch(r -> new Day(r.get("day", LocalDate.class), r.get("pending", Integer.class), r.get("people", Integer.class),
                        r.get("rules", Integer.class)));
    }
}
