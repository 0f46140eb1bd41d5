-- Rights requests find an individual's current accounts by display name too (exact, in any case), besides the email
-- (account_email_idx) and the employee id (account_employee_idx): see PersonalDataInSystems.
-- [jooq ignore start]
create index account_display_name_idx on reviews.account (lower(display_name)) where removed_import is null;
-- [jooq ignore stop]
