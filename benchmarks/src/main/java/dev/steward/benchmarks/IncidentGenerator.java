package dev.steward.benchmarks;

import org.jooq.DSLContext;

/**
 * A large, plausible incident register generated in SQL: phases, severities, types and assignees spread out,
 * discovery over three years, five tasks and five timeline entries per incident, and two notification obligations
 * (a GDPR authority notice and a state notice) in every status, some open and due soon, some overdue.
 */
final class IncidentGenerator {

    private IncidentGenerator() {
    }

    static void generate(DSLContext dsl, int incidents) {
        dsl.execute("""
                insert into incidents.incident (reference, title, type, source, our_role, assignee, phase, discovered_at,
                    aware_at, contained_at, closed_at, severity, risk_level, created_by, version)
                select 'INC-B-' || lpad(g::text, 7, '0'),
                       (array['Ransomware on','Laptop lost with','Email misdirected to','Unauthorised access to',
                              'Vendor breach at','Phishing of','Malware beacon from'])[1 + g % 7] || ' host ' || g,
                       (array['RANSOMWARE','LOST_DEVICE','MISDIRECTED','UNAUTHORISED_ACCESS','VENDOR_BREACH','PHISHING','OTHER'])[1 + g % 7],
                       (array['INTERNAL','EMPLOYEE','VENDOR','CUSTOMER','AUTHORITY','SIEM'])[1 + g % 6],
                       case when g % 10 = 0 then 'PROCESSOR' else 'CONTROLLER' end,
                       'analyst-' || (g % 40),
                       (array['REPORTED','TRIAGE','CONTAINED','ASSESSED','NOTIFIED','CLOSED','CLOSED','CLOSED'])[1 + g % 8],
                       now() - (g % 1095) * interval '1 day' - (g % 24) * interval '1 hour',
                       now() - (g % 1095) * interval '1 day' - (g % 24) * interval '1 hour' + interval '3 hours',
                       case when g % 3 > 0 then now() - (g % 1095) * interval '1 day' + interval '20 hours' end,
                       case when g % 8 >= 5 then now() - (g % 1095) * interval '1 day' + interval '30 days' end,
                       (array['LOW','MEDIUM','HIGH','VERY_HIGH', null])[1 + g % 5],
                       (array['NONE','RISK','HIGH_RISK', null])[1 + g % 4],
                       'generator', 0
                from generate_series(1, {incidents}) g
                """.replace("{incidents}", Integer.toString(incidents)));
        dsl.execute("""
                insert into incidents.task (incident_id, title, assignee, due_at, status, version)
                select i.id, 'Step ' || t || ' of the checklist', i.assignee, i.discovered_at + t * interval '1 day',
                       case when i.phase = 'CLOSED' or t < 3 then 'DONE' else 'OPEN' end, 0
                from incidents.incident i cross join generate_series(1, 5) t
                """);
        dsl.execute("""
                insert into incidents.timeline_entry (incident_id, occurred_at, actor, kind, summary)
                select i.id, i.discovered_at + t * interval '2 hours', i.assignee,
                       (array['LOGGED','FACTS','PHASE','TASK','NOTE'])[t], 'Generated entry ' || t || ' of ' || i.reference
                from incidents.incident i cross join generate_series(1, 5) t
                """);
        dsl.execute("""
                insert into incidents.obligation (incident_id, rule_key, regime, recipient, jurisdiction, status, due_at,
                    clock_started_at, basis, sent_at, manual, version)
                select i.id, 'gdpr.authority', 'GDPR', 'Lead supervisory authority', 'EEA',
                       case when i.phase in ('NOTIFIED', 'CLOSED') then 'SENT' when i.id % 11 = 0 then 'REQUIRED' else 'PROPOSED' end,
                       i.aware_at + interval '72 hours', i.aware_at, 'generated',
                       case when i.phase in ('NOTIFIED', 'CLOSED') then i.aware_at + interval '50 hours' end, false, 0
                from incidents.incident i
                """);
        dsl.execute("""
                insert into incidents.obligation (incident_id, rule_key, regime, recipient, jurisdiction, status, due_at,
                    clock_started_at, basis, decision_reason, manual, version)
                select i.id, 'ca.residents', 'California', 'Affected residents', 'US-CA',
                       case when i.phase = 'CLOSED' then 'NOT_REQUIRED' else 'REQUIRED' end,
                       i.discovered_at + interval '30 days', i.discovered_at, 'generated',
                       case when i.phase = 'CLOSED' then 'data encrypted' end, false, 0
                from incidents.incident i where i.id % 2 = 0
                """);
        dsl.execute("analyze incidents.incident");
        dsl.execute("analyze incidents.task");
        dsl.execute("analyze incidents.timeline_entry");
        dsl.execute("analyze incidents.obligation");
    }
}
