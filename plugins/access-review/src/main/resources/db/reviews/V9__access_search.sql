-- Global search over current accounts (account name, employee id, email, display name) and the joins from people to
-- their accounts (employee id, else email; as campaign launch joins them). Only current rows: the snapshots' older
-- periods are never searched. See platform V40 for the trigram operator class.
-- [jooq ignore start]
create index account_search_trgm on reviews.account
    using gin ((account_name || ' ' || coalesce(employee_id, '') || ' ' || coalesce(email, '') || ' ' || coalesce(display_name, ''))
               platform.gin_trgm_ops)
    where removed_import is null;
create index account_employee_idx on reviews.account (employee_id) where removed_import is null;
create index account_email_idx on reviews.account (lower(email)) where removed_import is null and employee_id is null;
-- [jooq ignore stop]
