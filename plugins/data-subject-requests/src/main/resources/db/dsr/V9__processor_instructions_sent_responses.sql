-- GDPR Art. 19: rectification and restriction are passed on to processors and sub-processors, as erasure is.
alter table dsr.task drop constraint task_action;
alter table dsr.task add constraint task_action
    check (action in ('SEARCH', 'EXPORT', 'DELETE', 'CORRECT', 'RESTRICT', 'INSTRUCT_DELETE', 'INSTRUCT_CORRECT', 'INSTRUCT_RESTRICT'));

-- A response is prepared (its letter stored, irreversibly), then recorded as sent: when, how and by whom. A request is
-- closed as complied with (in whole or in part) only after a response was sent.
alter table dsr.response add column note varchar(4000);
alter table dsr.response add column sent_via varchar(20);
alter table dsr.response add column sent_at timestamptz;
alter table dsr.response add column sent_by varchar(100);
alter table dsr.response add constraint response_sent_via check (sent_via is null or sent_via in ('EMAIL', 'POST', 'PORTAL'));
alter table dsr.response add constraint response_sent_whole check ((sent_via is null) = (sent_at is null) and (sent_at is null) = (sent_by is null));
