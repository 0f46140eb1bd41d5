-- Where a system's accounts and entitlements can be read from a directory (LDAP): at most one per system. Each group
-- found under the base DN with the filter is an entitlement; its members (nested groups expanded) are the accounts.
-- The bind password is kept for later imports and never shown again; the audit log redacts it (its column name says
-- "password"). It is stored as given: protect the database (and use a read-only bind account).
create table reviews.ldap_source (
    system_id               bigint         primary key references reviews.system (id),
    url                     varchar(500)   not null,
    bind_dn                 varchar(500),
    bind_password           varchar(500),
    group_base_dn           varchar(500)   not null,
    group_filter            varchar(1000)  not null default '(objectClass=groupOfNames)',
    member_attribute        varchar(100)   not null default 'member',
    group_name_attribute    varchar(100)   not null default 'cn',
    user_id_attribute       varchar(100)   not null default 'uid',
    employee_id_attribute   varchar(100),
    email_attribute         varchar(100)   default 'mail',
    display_name_attribute  varchar(100)   default 'cn',
    last_login_attribute    varchar(100),
    connect_timeout_seconds integer        not null default 10,
    version                 integer        not null default 0,
    constraint ldap_source_url check (url like 'ldap://%' or url like 'ldaps://%'),
    constraint ldap_source_timeout check (connect_timeout_seconds between 1 and 120)
);
