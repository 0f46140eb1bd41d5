-- A user's own settings, one row per user who changed one (UserTimeZones). time_zone is an IANA zone id
-- (Europe/Berlin); null means the browser's zone. Keyed by user name, as notification preferences are, so that a
-- user signing in through single sign-on has settings too.
create table platform.user_setting (
    username   varchar(100) primary key,
    time_zone  varchar(64),
    changed_at timestamptz not null default now()
);
