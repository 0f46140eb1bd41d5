-- Grants, accounts, review items, their history and remediation are written up to a million rows at a time, each by
-- one set-based statement. PostgreSQL checks a foreign key row by row (a trigger per row and key): 1M grants took
-- 11.8 s with their three keys and 5.0 s without. The writers take the parent ids from rows they created or locked
-- in the same transaction, and nothing deletes systems, imports, campaigns or items, so these tables drop their
-- foreign keys (the small tables keep theirs). See docs/decisions.md.
/* [jooq ignore start] */
do $$
declare
    c record;
begin
    for c in select conrelid::regclass as tbl, conname from pg_constraint
             where contype = 'f' and conrelid in ('reviews.access_grant'::regclass, 'reviews.account'::regclass,
                 'reviews.review_item'::regclass, 'reviews.item_event'::regclass, 'reviews.remediation'::regclass)
    loop
        execute format('alter table %s drop constraint %I', c.tbl, c.conname);
    end loop;
end $$;
/* [jooq ignore stop] */

-- Nothing refers to a grant row by id; its identity and primary key cost another second per million rows.
alter table reviews.access_grant drop column id;
