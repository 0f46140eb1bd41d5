-- One current grant per account and entitlement of a system, now enforced: an import inserts with ON CONFLICT DO
-- NOTHING (an existing grant is kept, not looked up in a separate pass) and finds duplicate rows of its file by
-- counting what it inserted, without a separate pass over the file.
drop index reviews.access_grant_current_idx;
create unique index access_grant_current_idx on reviews.access_grant (system_id, account_name, entitlement) where removed_import is null;
