-- The column mapping last used to import people from each HR system's export (PeopleImportMappings), offered again at
-- the next import of that system's file. One row per preset; a column is the file's column name, null when unmapped.
create table platform.people_import_mapping (
    preset         varchar(20)  primary key,
    employee_id    varchar(200),
    full_name      varchar(200),
    first_name     varchar(200),
    last_name      varchar(200),
    preferred_name varchar(200),
    email          varchar(200),
    title          varchar(200),
    org_unit       varchar(200),
    department     varchar(200),
    manager_id     varchar(200),
    manager_email  varchar(200),
    status         varchar(200),
    start_date     varchar(200),
    end_date       varchar(200),
    date_format    varchar(20)  not null,
    saved_at       timestamptz  not null default now()
);
