-- Trigram matching for global search: GIN indexes with gin_trgm_ops make ILIKE '%term%' and similarity ranking
-- index-assisted on large tables. The extension lives in the platform schema; plugins reference the operator
-- class as platform.gin_trgm_ops in their own indexes.
-- [jooq ignore start]
create extension if not exists pg_trgm with schema platform;
-- [jooq ignore stop]
