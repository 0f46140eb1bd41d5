-- An account the source system reports as disabled (Okta SUSPENDED or DEPROVISIONED, Entra accountEnabled=false, ...).
-- A disabled account that still holds access is a finding of its own, like a terminated person's.
alter table reviews.account add column disabled boolean not null default false;

-- Which export an import read and how its columns were mapped ("field=column" lines): the mapping is offered at the
-- system's next import, and the history shows what produced each snapshot.
alter table reviews.import_run add column preset varchar(40);
alter table reviews.import_run add column mapping varchar(4000);
