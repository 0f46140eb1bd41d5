-- Privileged and flagged items are never silently kept (issue 15): undecided past their stage's due date they escalate,
-- first to the reviewer's manager, then after the campaign's escalation days to its fallback reviewer; still undecided
-- at the end of a stage or at close they follow a rule of their own, which the campaign owner sets (default: revoke).
alter table reviews.campaign add column sensitive_no_response varchar(20) not null default 'REVOKE';
alter table reviews.campaign add constraint campaign_sensitive_no_response
    check (sensitive_no_response in ('KEEP', 'REVOKE', 'RECOMMENDATION'));
alter table reviews.campaign add column escalation_days integer not null default 3;
alter table reviews.campaign add constraint campaign_escalation_days check (escalation_days between 1 and 30);
-- campaigns defined before this rule existed keep the rule they were launched under
update reviews.campaign set sensitive_no_response = no_response;

-- 0: with the stage's reviewer; 1: escalated to the reviewer's manager; 2: escalated to the fallback reviewer
alter table reviews.review_item add column escalation_level smallint not null default 0;
alter table reviews.review_item add column escalated_at timestamptz;
