-- Finding requests (issue 15): GET /api/service-requests searches the title, the description, the references and the
-- notes of a request, and filters by external reference, date received and requester. Standard SQL for H2 and
-- PostgreSQL.

-- The description the requester wrote, kept with the record like the title (until now only a process variable).
alter table service_delivery_record add column description varchar(4000);

-- Requests received before this migration: their description from the engine's history of the variable (full
-- history; the record of a request whose history was cleaned up keeps no description).
update service_delivery_record set description = (
    select max(v.TEXT_) from ACT_HI_VARINST v
    where v.PROC_INST_ID_ = service_delivery_record.process_instance_id and v.NAME_ = 'description')
where description is null;

-- externalReference= is exact but across channels; the unique index starts with the channel.
create index service_request_reference on service_request (external_reference);
-- receivedFrom/receivedTo and the list's order.
create index service_delivery_record_received on service_delivery_record (received_at);
