-- Up to three review stages per campaign, each with its reviewer rule and due date; a rule combines their outcomes.
-- Stage 1 takes over the reviewer rule that lived on the campaign row.
create table reviews.campaign_stage (
    campaign_id    bigint        not null references reviews.campaign (id),
    stage          integer       not null,
    reviewer_rule  varchar(20)   not null,
    named_reviewer varchar(100),
    due_at         timestamptz   not null,
    started_at     timestamptz,
    ended_at       timestamptz,
    primary key (campaign_id, stage),
    constraint stage_number check (stage between 1 and 3),
    constraint stage_reviewer_rule check (reviewer_rule in ('MANAGER', 'SYSTEM_OWNER', 'NAMED'))
);
insert into reviews.campaign_stage (campaign_id, stage, reviewer_rule, named_reviewer, due_at, started_at)
select id, 1, reviewer_rule, named_reviewer, due_at, launched_at from reviews.campaign;

alter table reviews.campaign drop constraint campaign_reviewer_rule;
alter table reviews.campaign drop column reviewer_rule;
alter table reviews.campaign drop column named_reviewer;
-- REVOKE_IF_ANY: only what a stage approved goes on to the next (one revoke revokes);
-- APPROVE_IF_ANY: only what a stage revoked goes on (a second opinion before removing access);
-- LAST_STAGE_DECIDES: everything goes on, earlier stages advise.
alter table reviews.campaign add column stage_rule varchar(20) not null default 'REVOKE_IF_ANY'
    constraint campaign_stage_rule check (stage_rule in ('REVOKE_IF_ANY', 'APPROVE_IF_ANY', 'LAST_STAGE_DECIDES'));
alter table reviews.campaign add column current_stage integer not null default 1;

-- The stage an item is in (or was last decided in) and the stage of each event of its history.
alter table reviews.review_item add column stage integer not null default 1;
alter table reviews.item_event add column stage integer not null default 1;
