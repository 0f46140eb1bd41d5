-- Users who sign in through an OpenID Connect provider (single sign-on). They are linked by the provider's issuer
-- and their subject there, never by user name: a local account of the same name is not theirs. provider is the name
-- the Users page shows ("Keycloak"). Their password hash is of a random secret nobody knows: no password signs them in.
alter table platform.app_user add column identity_issuer varchar(500);
alter table platform.app_user add column identity_subject varchar(255);
alter table platform.app_user add column identity_provider varchar(100);
alter table platform.app_user add constraint app_user_identity_key unique (identity_issuer, identity_subject);
alter table platform.app_user add constraint app_user_identity_complete
    check ((identity_issuer is null) = (identity_subject is null));
