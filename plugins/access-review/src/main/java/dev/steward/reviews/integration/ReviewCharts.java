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
     * Each item counts once a day, in the stage it was in at that day's end: pending while undecided in that stage,
     * else decided by people or by the rule. An item that has gone on to a later stage is read, for the days before
     * that stage opened, from its decision events of the earlier stage (the item row keeps only its current stage).
     */
    @PreAuthorize(ReviewPermissions.MAY_READ_FIGURES)
    @Transactional(readOnly = true)
    public List<Day> burnDown(int days, ZoneId zone) {
        LocalDate today = LocalDate.now(zone);
        return dsl.resultQuery("""
                        with day as (select d::date day_on, (d + interval '1 day') at time zone {0} ends
                                     from generate_series({1}::timestamp, {2}::timestamp, interval '1 day') d),
                        state as (
                          select day.day_on, i.id,
                            case when s.stage_then = i.stage then i.decided_at else e.occurred_at end decided_at,
                            case when s.stage_then = i.stage then i.by_rule else e.actor = 'no-response rule' end by_rule
                          from day
                          join reviews.campaign c on c.status = 'ACTIVE' and c.launched_at < day.ends
                          join reviews.review_item i on i.campaign_id = c.id
                          cross join lateral (select coalesce(max(st.stage), 1) stage_then from reviews.campaign_stage st
                                              where st.campaign_id = c.id and st.stage <= i.stage and st.started_at < day.ends) s
                          left join lateral (select e.occurred_at, e.actor from reviews.item_event e
                                             where s.stage_then < i.stage and e.item_id = i.id and e.stage = s.stage_then
                                               and e.action in ('APPROVE', 'REVOKE') and e.occurred_at < day.ends
                                             order by e.id desc limit 1) e on true)
                        select day.day_on,
                          count(st.id) filter (where st.decided_at is null or st.decided_at >= day.ends) pending,
                          count(st.id) filter (where st.decided_at < day.ends and not st.by_rule) people,
                          count(st.id) filter (where st.decided_at < day.ends and st.by_rule) rules
                        from day
                        left join state st on st.day_on = day.day_on
                        group by day.day_on order by day.day_on""",
                        val(zone.getId()), val(today.minusDays(days - 1L)), val(today))
                .fetch(r -> new Day(r.get("day_on", LocalDate.class), r.get("pending", Integer.class), r.get("people", Integer.class),
                        r.get("rules", Integer.class)));
    }
}
