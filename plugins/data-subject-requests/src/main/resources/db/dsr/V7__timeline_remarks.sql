-- A timeline entry's words written by a person (a note, a reason given) are kept apart from the words the system
-- wrote, so that the retention purge removes the first and keeps the second as the record.
alter table dsr.request_event add column remark varchar(2000);
update dsr.request_event set remark = text, text = '' where kind = 'NOTE';
