-- How many items each campaign has per system, outcome and flagged-or-not: the item grid's counts (and its size) read
-- these few rows instead of counting up to a million items (74-83 ms each). A launch writes its campaign's counts from
-- the items it inserts (CampaignGenerator); after that every change of an item (a decision, a reassignment, a stage
-- advance, a close, or any other statement) adjusts them in the same transaction, through the statement triggers
-- below, which see the changed rows before and after (transition tables) and add the difference.
-- A thousand reviewers deciding at once would all wait for the one row of their system and outcome. So each count is
-- kept in up to 8 stripes, each transaction adding to the stripe of its connection (backend pid): a count is the sum
-- of its stripes, and a single stripe may well be negative.
create table reviews.campaign_item_count (
    campaign_id  bigint       not null,
    system_id    bigint       not null,
    outcome      varchar(10)  not null,
    flagged      boolean      not null,
    stripe       smallint     not null,
    items        integer      not null,
    constraint campaign_item_count_pkey primary key (campaign_id, system_id, outcome, flagged, stripe)
);

-- [jooq ignore start]
create function reviews.count_item_changes() returns trigger language plpgsql as $$
begin
    -- in key order, so that two statements adjusting the same counts never wait for each other in a cycle
    insert into reviews.campaign_item_count as c (campaign_id, system_id, outcome, flagged, stripe, items)
    select campaign_id, system_id, outcome, flagged, pg_backend_pid() % 8, sum(n)
    from (select campaign_id, system_id, outcome, cardinality(flags) > 0 flagged, 1 n from new_items
          union all
          select campaign_id, system_id, outcome, cardinality(flags) > 0 flagged, -1 n from old_items) d
    group by campaign_id, system_id, outcome, flagged
    having sum(n) <> 0
    order by campaign_id, system_id, outcome, flagged
    on conflict (campaign_id, system_id, outcome, flagged, stripe) do update set items = c.items + excluded.items;
    return null;
end $$;

-- INSERT and DELETE triggers see only one transition table each: empty stand-ins for the other side.
create function reviews.count_item_inserts() returns trigger language plpgsql as $$
begin
    insert into reviews.campaign_item_count as c (campaign_id, system_id, outcome, flagged, stripe, items)
    select campaign_id, system_id, outcome, cardinality(flags) > 0, pg_backend_pid() % 8, count(*)
    from new_items group by campaign_id, system_id, outcome, cardinality(flags) > 0
    order by 1, 2, 3, 4
    on conflict (campaign_id, system_id, outcome, flagged, stripe) do update set items = c.items + excluded.items;
    return null;
end $$;

create function reviews.count_item_deletes() returns trigger language plpgsql as $$
begin
    insert into reviews.campaign_item_count as c (campaign_id, system_id, outcome, flagged, stripe, items)
    select campaign_id, system_id, outcome, cardinality(flags) > 0, pg_backend_pid() % 8, -count(*)
    from old_items group by campaign_id, system_id, outcome, cardinality(flags) > 0
    order by 1, 2, 3, 4
    on conflict (campaign_id, system_id, outcome, flagged, stripe) do update set items = c.items + excluded.items;
    return null;
end $$;

create trigger review_item_count_updates after update on reviews.review_item
    referencing old table as old_items new table as new_items for each statement execute function reviews.count_item_changes();
create trigger review_item_count_inserts after insert on reviews.review_item
    referencing new table as new_items for each statement execute function reviews.count_item_inserts();
create trigger review_item_count_deletes after delete on reviews.review_item
    referencing old table as old_items for each statement execute function reviews.count_item_deletes();

insert into reviews.campaign_item_count (campaign_id, system_id, outcome, flagged, stripe, items)
select campaign_id, system_id, outcome, cardinality(flags) > 0, 0, count(*)
from reviews.review_item group by campaign_id, system_id, outcome, cardinality(flags) > 0;
-- [jooq ignore stop]
