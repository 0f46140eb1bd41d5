-- Global search over incidents by reference and title (trigram index, see platform V40).
-- [jooq ignore start]
create index incident_search_trgm on incidents.incident
    using gin ((reference || ' ' || title) platform.gin_trgm_ops);
-- [jooq ignore stop]
