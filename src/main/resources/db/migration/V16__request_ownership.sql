-- Who may see which requests (issue 12). An API client serves customers: it sees the requests of the customers it is
-- bound to here, and those it submitted itself (service_request.submitted_by). Operations managers keep the binding
-- through PUT/DELETE /api/api-clients/{clientId}/customers/{customerId}. Nothing is seeded: in production every
-- binding is an operations manager's decision; the demo's portal sees what it submits. Standard SQL for H2 and
-- PostgreSQL.
create table api_client_customer (
    client_id   varchar(64)              not null,
    customer_id varchar(64)              not null,
    bound_by    varchar(64)              not null,
    bound_at    timestamp with time zone not null,
    primary key (client_id, customer_id)
);

-- The lists of an API client and of a staff member filter on these; many callers at once must not scan the records.
create index service_delivery_record_customer on service_delivery_record (customer_id);
create index service_delivery_record_assigned_to on service_delivery_record (assigned_to);
create index quality_review_reviewed_by on quality_review (reviewed_by);
