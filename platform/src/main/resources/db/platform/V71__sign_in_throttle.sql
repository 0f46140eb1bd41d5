-- Sign-in throttling and sampled audit of refused sign-ins (issue 12). Shared by every console on this database.
-- The old hard lock (app_user.failed_logins, app_user.locked_until) is no longer used; the columns stay for now.

-- Failure streaks. scope ACCOUNT_SOURCE: one account from one source; UNKNOWN_ACCOUNT: names that are no account,
-- from one source (one row per source however many names a flood tries); SOURCE: every failure from one source
-- (password spraying); ACCOUNT: one account from sources it has never signed in from. '' where a key has no part.
create table platform.sign_in_failure (
    scope           varchar(20)  not null,
    account         varchar(100) not null,
    source          varchar(64)  not null,
    failures        integer      not null,
    last_failure_at timestamptz  not null,
    not_before      timestamptz,
    primary key (scope, account, source)
);

create index sign_in_failure_last_failure_idx on platform.sign_in_failure (last_failure_at);

-- Sources an account has signed in from: failures elsewhere do not throttle the owner here.
create table platform.sign_in_known_source (
    account         varchar(100) not null,
    source          varchar(64)  not null,
    last_success_at timestamptz  not null,
    primary key (account, source)
);

create index sign_in_known_source_last_success_idx on platform.sign_in_known_source (last_success_at);

-- Refused sign-ins and API tokens counted per window: the first of each is audited at once, the rest as one summary.
create table platform.sign_in_audit_window (
    kind         varchar(40)  not null,
    subject      varchar(120) not null,
    source       varchar(64)  not null,
    window_start timestamptz  not null,
    attempts     integer      not null,
    primary key (kind, subject, source, window_start)
);
