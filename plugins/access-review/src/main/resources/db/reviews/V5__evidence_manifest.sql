-- The SHA-256 of the item and decision files as they were when the campaign closed ("name  hash" lines, the format
-- of sha256sum): every later evidence pack is checked against it, and the close's audit entry carries it too.
alter table reviews.campaign add column evidence_manifest text;
