-- An account the source system reports as disabled (Okta SUSPENDED or DEPROVISIONED, Entra accountEnabled=false, ...).
-- A disabled account that still holds access is a finding of its own, like a terminated person's.
alter table reviews.account add column disabled boolean not null default false;

-- Which export an import read and how its columns were mapped ("field=column" lines): the mapping is offered at the
-- system's next import, and the history shows what produced each snapshot.
alter table reviews.import_run add column preset varchar(40);
alter table reviews.import_run add column mapping varchar(4000);

-- Snapshots are numbered per system (Okta's imports are #1, #2, #3...), not by the id shared by all systems.
alter table reviews.import_run add column number integer;
-- [jooq ignore start]
update reviews.import_run r set number = n.number
from (select id, row_number() over (partition by system_id order by id) number from reviews.import_run) n where n.id = r.id;
-- [jooq ignore stop]
alter table reviews.import_run alter column number set not null;
alter table reviews.import_run add constraint import_run_number_key unique (system_id, number);
