-- An import of a system that has no current grants (its first, and so the million-row onboarding) writes its rows once,
-- straight into the grants with COPY, instead of into a staging table and then again into the grants. Every index on
-- the grants slows that write: a btree by at least a second per million rows however simple its key, even a BRIN index
-- on the system by a third of a second. So the grants keep none: imports find duplicate rows as they read them
-- (confirmed in SQL) and compare a file with the current grants by hash joins, and whatever reads one system's grants
-- (an import, the entitlements' holders, the diff of two snapshots) reads them in one sequential scan.
-- See docs/decisions.md.
drop index reviews.access_grant_current_idx;

-- The number of current grants of each current account, kept by the imports: the global search shows it for every hit,
-- which without an index on the grants would read the system's grants once per hit.
alter table reviews.account add column grants integer not null default 0;
-- [jooq ignore start]
update reviews.account a set grants = c.n
from (select system_id, account_name, count(*) n from reviews.access_grant where removed_import is null group by system_id, account_name) c
where a.removed_import is null and a.system_id = c.system_id and a.account_name = c.account_name;
-- [jooq ignore stop]
