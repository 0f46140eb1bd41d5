-- How a system's accounts are matched to people of the directory (see JoinRule).
alter table reviews.system add column join_rule varchar(30) not null default 'EMPLOYEE_ID_THEN_EMAIL'
    constraint system_join_rule check (join_rule in ('EMPLOYEE_ID_THEN_EMAIL', 'EMPLOYEE_ID', 'EMAIL', 'ACCOUNT_IS_EMPLOYEE_ID',
                                                     'ACCOUNT_IS_EMAIL_LOCAL_PART'));
