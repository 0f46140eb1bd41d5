-- Per campaign: when reviewers are reminded (days before their stage is due) and who hears when they miss it.
alter table reviews.campaign add column reminder_days integer[] not null default '{3,1}';
alter table reviews.campaign add column escalate_to varchar(20) not null default 'REVIEWER_MANAGER'
    constraint campaign_escalate_to check (escalate_to in ('REVIEWER_MANAGER', 'CAMPAIGN_OWNER'));
