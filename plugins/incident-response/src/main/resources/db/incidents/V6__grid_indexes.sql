-- Sorting the incident grid by title pages through an index instead of sorting the whole register.
create index incident_title_idx on incidents.incident (title, id);
-- "My incidents": an assignee's newest first, whether they have many open incidents or none.
drop index incidents.incident_assignee_idx;
create index incident_assignee_discovered_idx on incidents.incident (assignee, discovered_at desc, id desc);
