-- The plan as the coordinator made it in "Plan delivery": when the work starts, and why it ends after the resolution
-- due time when it does (planned_completion_at, planned_at are there already; the closure writes them too).
alter table service_delivery_record add column planned_start_at timestamp with time zone;
alter table service_delivery_record add column plan_deviation_reason varchar(1000);
