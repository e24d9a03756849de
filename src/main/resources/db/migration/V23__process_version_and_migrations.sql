-- Issue 16: running requests move to a new version of their process (package migration).
-- The record keeps the version of service-delivery its request runs on: set when the request is received, changed
-- when the request is migrated (migration/MigratedRecordVersions). Requests received before this migration get the
-- version from the engine's history of their process instance (null where the history cleanup removed it).
-- Standard SQL for H2 and PostgreSQL.
alter table service_delivery_record add column process_version integer;

update service_delivery_record set process_version = (
  select d.version_ from act_hi_procinst p join act_re_procdef d on d.id_ = p.proc_def_id_
  where p.id_ = service_delivery_record.process_instance_id);

-- A migration an operations manager started: the engine's batch and what it moves (the batch itself forgets the
-- versions and who started it).
create table process_migration (
  batch_id              varchar(64)              not null primary key,
  process_key           varchar(255)             not null,
  source_definition_id  varchar(64)              not null,
  source_version        integer                  not null,
  target_definition_id  varchar(64)              not null,
  target_version        integer                  not null,
  instance_count        integer                  not null,
  started_by            varchar(255)             not null,
  started_at            timestamp with time zone not null
);

-- The process instances a migration that still runs moves: an instance belongs to one running migration at a time
-- (the primary key refuses a second one: 409). Rows of finished batches are removed when the next migration starts.
create table process_migration_claim (
  process_instance_id varchar(64) not null primary key,
  batch_id            varchar(64) not null references process_migration (batch_id)
);
create index process_migration_claim_batch on process_migration_claim (batch_id);
