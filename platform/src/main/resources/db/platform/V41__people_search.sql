-- [jooq ignore start]
create index person_search_trgm on platform.person
    using gin ((full_name || ' ' || employee_id || ' ' || coalesce(email, '')) platform.gin_trgm_ops);
-- [jooq ignore stop]
