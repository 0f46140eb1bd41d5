-- A scheduled tick that did not run (database unreachable, no console running, all busy past its time) is recorded
-- as a MISSED run once the database answers again: started_at is the first missed tick, finished_at the last one.
alter table platform.job_run drop constraint job_run_outcome;
alter table platform.job_run add constraint job_run_outcome check (outcome in ('RUNNING', 'SUCCEEDED', 'FAILED', 'MISSED'));

-- the Jobs page lists recent failed and missed runs of every job
create index job_run_problem_idx on platform.job_run (started_at desc) where outcome in ('FAILED', 'MISSED');
