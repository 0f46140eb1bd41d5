-- Records and reports: the retention purge finds closed requests by age, global search finds requests by reference,
-- name or email (trigram index, as the other modules).

create index request_closed_unpurged_idx on dsr.request (closed_at) where purged_at is null and closed_at is not null;
-- [jooq ignore start]
create index request_search_trgm on dsr.request
    using gin ((reference || ' ' || coalesce(requester_name, '') || ' ' || coalesce(requester_email, '')) platform.gin_trgm_ops);
-- [jooq ignore stop]
