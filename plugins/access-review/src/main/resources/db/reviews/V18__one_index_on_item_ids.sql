-- A campaign's items had two indexes on their id: the primary key (campaign_id, id), and (id) for lookups by item.
-- In a campaign's own table (V16) the campaign is the same in every row, so the key (id, campaign_id) serves both:
-- a campaign's pages (an id range within its table) and lookups by id. A launch builds one index fewer.
alter table reviews.review_item drop constraint review_item_pkey;
alter table reviews.review_item add constraint review_item_pkey primary key (id, campaign_id);
drop index reviews.review_item_id_idx;
