-- The campaign item grid pages in id order within a campaign.
create index review_item_campaign_id_idx on reviews.review_item (campaign_id, id);

-- Nothing looks grants up by the import that removed them; the index only slowed every import down.
drop index reviews.access_grant_removed_idx;
