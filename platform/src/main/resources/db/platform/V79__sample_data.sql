-- Which parts of this install's data are sample data (SampleDataLoader, issue 16): one row per module that loaded its
-- made-up records ('host' for people, org units and users). Any row marks the whole install as a sample install: the
-- shell shows a badge, the sign-in page the sample users, and sample data is never loaded on top of real data.
create table platform.sample_data (
    module_id  varchar(100) primary key,
    loaded_at  timestamptz  not null default now(),
    records    integer      not null,
    summary    varchar(1000) not null
);
