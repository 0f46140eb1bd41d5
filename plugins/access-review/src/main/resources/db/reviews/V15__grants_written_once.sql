-- An import of a system that has no current grants (its first, and so the million-row onboarding) writes its rows once,
-- straight into the grants with COPY, instead of into a staging table and then again into the grants. Every btree index
-- on the grants costs at least a second per million rows written, however simple its key, so the grants keep none:
-- imports find duplicate rows as they read them (confirmed in SQL), and compare a file with the current grants by hash
-- joins; everything else reads a system's grants whole. A BRIN index on the system keeps those reads to the system's
-- pages (an import appends a system's rows together) at almost no cost to the writes. See docs/decisions.md.
drop index reviews.access_grant_current_idx;
-- [jooq ignore start]
create index access_grant_system_brin on reviews.access_grant using brin (system_id);
-- [jooq ignore stop]

-- The number of current grants of each current account, kept by the imports: the global search shows it for every hit,
-- which without an index on the grants would read the system's grants once per hit.
alter table reviews.account add column grants integer not null default 0;
-- [jooq ignore start]
update reviews.account a set grants = c.n
from (select system_id, account_name, count(*) n from reviews.access_grant where removed_import is null group by system_id, account_name) c
where a.removed_import is null and a.system_id = c.system_id and a.account_name = c.account_name;
-- [jooq ignore stop]
