-- How an account holds an entitlement, when the source says it (a CSV column such as "assigned via role Finance",
-- or for a directory the nested group it comes through). Shown to reviewers; frozen into each review item at launch.
alter table reviews.access_grant add column granted_via varchar(300);
alter table reviews.review_item add column granted_via varchar(300);
