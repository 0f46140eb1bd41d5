-- The grid's country filter ("processes or stores data in X") answered from GIN indexes instead of a scan of every
-- processing row (VendorBenchmark: 440 ms to a few ms on 500k rows).

-- [jooq ignore start]
create index processing_countries_idx on vendors.processing using gin (processing_countries);
create index storage_countries_idx on vendors.processing using gin (storage_countries);
-- [jooq ignore stop]
