-- Issue 11, many instances: an approved migration of more instances than one request moves runs
-- as the engine's batch, named here so that its progress shows and its end is recorded (RUNNING,
-- then MIGRATED or FAILED); the plan may update the timers' due dates from the new definitions,
-- and the timers before and after the move stay on record. A batch names up to 2,000 instances.
alter table instance_migration add column batch_id varchar(64);
alter table instance_migration add column update_timers boolean default false not null;
alter table instance_migration add column timers varchar(8000);
alter table instance_migration alter column instance_ids set data type varchar(100000);
