-- Every node sets up groups, permissions, Tasklist filters and the first administrator at start. Two nodes starting at
-- the same moment take turns: the set-up runs in one transaction that first locks this row (cluster/StartupSetup).
create table node_setup_lock (
    id int not null primary key
);

insert into node_setup_lock (id) values (1);

-- V2 seeded the demo people staff1 and staff2 into every resource pool, and work was allocated to people without a
-- login. They belong to the demo profile only (spring.flyway.placeholders.demo, true in application-demo.yaml).
-- Elsewhere, those never given work nor an absence are removed; the others leave the pool, keeping their history.
update staff_resource
   set available = false, left_pool_at = current_timestamp
 where '${demo}' = 'false'
   and user_id in ('staff1', 'staff2')
   and left_pool_at is null
   and (exists (select 1 from resource_reservation r where r.user_id = staff_resource.user_id)
        or exists (select 1 from resource_absence a where a.user_id = staff_resource.user_id));

delete from staff_skill
 where '${demo}' = 'false'
   and user_id in (select user_id from staff_resource where user_id in ('staff1', 'staff2') and left_pool_at is null);

delete from staff_resource
 where '${demo}' = 'false'
   and user_id in ('staff1', 'staff2')
   and left_pool_at is null;
