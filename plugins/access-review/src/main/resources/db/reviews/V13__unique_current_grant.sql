-- One current grant per account and entitlement of a system, now enforced. An import no longer looks for duplicate
-- rows in a pass over its whole file: two rows for one grant break this index, and only then are they looked up.
drop index reviews.access_grant_current_idx;
create unique index access_grant_current_idx on reviews.access_grant (system_id, account_name, entitlement) where removed_import is null;
