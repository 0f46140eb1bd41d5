-- The global access search follows each system's join rule (V10): people to accounts by e-mail whether or not the
-- account has an employee id, and by account name (= employee id, or = the e-mail name before the @).
-- [jooq ignore start]
drop index reviews.account_email_idx;
create index account_email_idx on reviews.account (lower(email)) where removed_import is null;
create index account_name_lower_idx on reviews.account (lower(account_name)) where removed_import is null;
-- [jooq ignore stop]
