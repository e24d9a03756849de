-- The requester's own time zone (an IANA id such as America/New_York), when the request gave one: the mails to the
-- requester give their times there, else in the zone of the request's resolution calendar (issue 14). Standard SQL
-- for H2 and PostgreSQL.
alter table service_delivery_record add column requester_time_zone varchar(64);
