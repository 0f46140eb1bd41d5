-- A grant held another way than before (direct -> via a group, another role, ...) is a change of its own kind. Since
-- V22 the import ends the grant's row and starts a new one with the new "how granted", as it does for an account
-- whose details change: every snapshot keeps how its grants were held then, and the diff of two snapshots lists the
-- change (before, the row was overwritten in place and no snapshot knew how it had been held). Each import counts
-- such changes beside the grants it added and removed.
alter table reviews.import_run add column how_granted_changed integer not null default 0;
