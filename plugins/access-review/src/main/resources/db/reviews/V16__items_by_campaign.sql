-- Review items are kept in one table per campaign (list partitions of reviews.review_item). A launch writes a
-- campaign's items (up to a million at once) into its new table before that table has any index, then attaches it,
-- which builds the indexes once, sorted: maintaining three btrees row by row took more than half of a million-item
-- launch. Everything reads and writes reviews.review_item as before. Item ids come from a sequence (not an identity
-- column, which partitioned tables only have from PostgreSQL 17); the primary key includes the campaign, as a
-- partitioned table's must, and a plain index on the id serves lookups by item. See docs/decisions.md.
alter table reviews.review_item rename to review_item_unpartitioned;
alter index reviews.review_item_queue_idx rename to review_item_unpartitioned_queue_idx;
alter index reviews.review_item_campaign_id_idx rename to review_item_unpartitioned_campaign_id_idx;
alter table reviews.review_item_unpartitioned rename constraint item_recommendation to item_recommendation_unpartitioned;
alter table reviews.review_item_unpartitioned rename constraint item_outcome to item_outcome_unpartitioned;
-- [jooq ignore start]
alter index reviews.review_item_pkey rename to review_item_unpartitioned_pkey;
-- [jooq ignore stop]

create sequence reviews.review_item_ids;

create table reviews.review_item (
    id                     bigint        not null default nextval('reviews.review_item_ids'),
    campaign_id            bigint        not null,
    system_id              bigint        not null,
    account_name           varchar(200)  not null,
    person_id              bigint,
    person_name            varchar(200),
    entitlement            varchar(300)  not null,
    privileged             boolean       not null,
    flags                  varchar(20)[] not null default '{}',
    recommendation         varchar(10)   not null,
    recommendation_reason  varchar(200),
    reviewer               varchar(100)  not null,
    routed_to_fallback     varchar(100),
    outcome                varchar(10)   not null default 'PENDING',
    decided_by             varchar(100),
    decided_at             timestamptz,
    comment                text,
    bulk                   boolean       not null default false,
    by_rule                boolean       not null default false,
    version                integer       not null default 0,
    stage                  integer       not null default 1,
    granted_via            varchar(300),
    constraint review_item_pkey primary key (campaign_id, id),
    constraint item_recommendation check (recommendation in ('APPROVE', 'REVOKE')),
    constraint item_outcome check (outcome in ('PENDING', 'APPROVED', 'REVOKED'))
)
-- [jooq ignore start]
partition by list (campaign_id)
-- [jooq ignore stop]
;
create index review_item_id_idx on reviews.review_item (id);
create index review_item_queue_idx on reviews.review_item (reviewer, campaign_id, outcome);

-- [jooq ignore start]
do $$
declare
    c record;
begin
    for c in select distinct campaign_id from reviews.review_item_unpartitioned loop
        execute format('create table reviews.review_item_c%s partition of reviews.review_item for values in (%s)', c.campaign_id, c.campaign_id);
    end loop;
end $$;
insert into reviews.review_item (id, campaign_id, system_id, account_name, person_id, person_name, entitlement, privileged, flags,
        recommendation, recommendation_reason, reviewer, routed_to_fallback, outcome, decided_by, decided_at, comment, bulk, by_rule,
        version, stage, granted_via)
select id, campaign_id, system_id, account_name, person_id, person_name, entitlement, privileged, flags, recommendation,
       recommendation_reason, reviewer, routed_to_fallback, outcome, decided_by, decided_at, comment, bulk, by_rule, version, stage, granted_via
from reviews.review_item_unpartitioned;
select setval('reviews.review_item_ids', coalesce((select max(id) from reviews.review_item_unpartitioned), 0) + 1, false);
-- [jooq ignore stop]
-- cascade: for the code generator, whose copy of the schema still has the foreign keys that V8 dropped
drop table reviews.review_item_unpartitioned cascade;
