package dev.steward.benchmarks;

import org.jooq.DSLContext;

/**
 * A large rights-request history generated in SQL: requests received over three years under the main laws, one to two
 * types each, every status and outcome, clocks due from tomorrow back to overdue, five timeline entries and four
 * fulfilment tasks per request spread over 200 system owners.
 */
final class RequestGenerator {

    private RequestGenerator() {
    }

    static void generate(DSLContext dsl, int requests) {
        dsl.execute("""
                insert into dsr.request (reference, regime, jurisdiction, channel, received_at, status, requester_name,
                    requester_email, on_behalf, due_at, closed_at, outcome, outcome_reason, version)
                select 'DSR-B-' || lpad(g::text, 7, '0'),
                       (array['CCPA','GDPR','UK_GDPR','VCDPA','CPA','POLICY'])[1 + g % 6],
                       (array['US-CA','DE','GB','US-VA','US-CO','JP'])[1 + g % 6],
                       (array['WEB','EMAIL','API','PHONE','POST'])[1 + g % 5],
                       now() - (g % 1095) * interval '1 day',
                       case when g % 1095 < 45 then (array['AWAITING_VERIFICATION','IN_PROGRESS'])[1 + g % 2] else 'CLOSED' end,
                       'Requester ' || g, 'requester' || g || '@example.org', 'SELF',
                       now() - (g % 1095) * interval '1 day' + interval '40 days',
                       case when g % 1095 >= 45 then now() - (g % 1095) * interval '1 day' + (g % 40) * interval '1 day' end,
                       case when g % 1095 >= 45 then (array['COMPLETED','PARTIALLY_COMPLETED','DENIED','UNVERIFIED','COMPLETED'])[1 + g % 5] end,
                       case when g % 1095 >= 45 and g % 5 between 1 and 3 then 'generated' end,
                       0
                from generate_series(1, {requests}) g
                """.replace("{requests}", Integer.toString(requests)));
        dsl.execute("""
                insert into dsr.request_type (request_id, type)
                select r.id, (array['ACCESS_CATEGORIES','ACCESS_SPECIFIC','DELETION','CORRECTION','OPT_OUT_SALE','PORTABILITY'])[1 + r.id % 6]
                from dsr.request r where r.reference like 'DSR-B-%'
                union all
                select r.id, 'DELETION' from dsr.request r where r.reference like 'DSR-B-%' and r.id % 3 = 0 and r.id % 6 <> 2
                """);
        dsl.execute("""
                insert into dsr.request_event (request_id, at, actor, kind, text)
                select r.id, r.received_at + t * interval '1 day', 'generator',
                       (array['RECEIVED','CLOCK','VERIFICATION','TASK','CLOSED'])[t], 'Generated entry ' || t
                from dsr.request r cross join generate_series(1, 5) t where r.reference like 'DSR-B-%'
                """);
        dsl.execute("""
                insert into dsr.task (request_id, action, holder_type, holder_id, holder_name, holder_kind, assignee, due_at,
                    status, outcome, completed_at, version)
                select r.id, (array['SEARCH','EXPORT','DELETE','INSTRUCT_DELETE'])[t], 'reviews.system', (r.id % 50)::text,
                       'System ' || (r.id % 50), case when t = 4 then 'PROCESSOR' else 'OWN_SYSTEM' end,
                       'owner-' || ((r.id + t) % 200), r.due_at - interval '5 days',
                       case when r.status = 'CLOSED' then 'DONE' else 'OPEN' end,
                       case when r.status = 'CLOSED' then 'generated' end,
                       case when r.status = 'CLOSED' then r.closed_at end, 0
                from dsr.request r cross join generate_series(1, 4) t where r.reference like 'DSR-B-%'
                """);
        dsl.execute("analyze dsr.request; analyze dsr.request_type; analyze dsr.request_event; analyze dsr.task");
    }
}
