-- The bind password is stored sealed (AES-GCM under the console's key, platform SecretBox): room for the sealed form
-- of a password of up to 256 characters.
alter table reviews.ldap_source alter column bind_password type varchar(2000);
