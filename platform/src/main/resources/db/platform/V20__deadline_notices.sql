-- Reminders and escalations sent for deadlines: one row per (deadline, notice), so each is sent exactly once,
-- across restarts and console instances.
create table platform.deadline_notice (
    deadline_key varchar(300) not null,
    notice       varchar(50)  not null,
    sent_at      timestamptz  not null default now(),
    primary key (deadline_key, notice)
);
