-- The getting-started checklist (GettingStarted): one row, whether administrators hid it from the dashboard. An
-- installation that already has users when this runs is not new: its checklist starts hidden (the page stays open).
create table platform.getting_started (
    id         integer      primary key default 1,
    hidden     boolean      not null,
    changed_by varchar(100) not null,
    changed_at timestamptz  not null default now(),
    constraint getting_started_one_row check (id = 1)
);

-- [jooq ignore start]
insert into platform.getting_started (id, hidden, changed_by)
select 1, exists (select 1 from platform.app_user), 'install';
-- [jooq ignore stop]
