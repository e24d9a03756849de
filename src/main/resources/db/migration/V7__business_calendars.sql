-- Business calendars: when SLA time counts. A calendar counts either around the clock (24x7) or only within its
-- working hours, local times per weekday in its IANA time zone, on days that are not holidays. Every SLA target names
-- the calendar of its response time and of its resolution time, and has three warning thresholds in percent of the
-- resolution time. Standard SQL for H2 and PostgreSQL.

create table business_calendar (
    code              varchar(40)  not null primary key,
    name              varchar(120) not null,
    -- IANA time zone id such as Europe/Berlin; the working hours are local times there
    zone_id           varchar(60)  not null,
    -- true: every moment counts, working hours and holidays do not apply
    twenty_four_seven boolean      not null
);

-- a day may have several ranges (08:00-12:00 and 13:00-17:00); an end of 00:00 is midnight at the end of the day
create table business_calendar_hours (
    calendar_code varchar(40) not null references business_calendar (code),
    day_of_week   varchar(9)  not null
        check (day_of_week in ('MONDAY', 'TUESDAY', 'WEDNESDAY', 'THURSDAY', 'FRIDAY', 'SATURDAY', 'SUNDAY')),
    start_time    time        not null,
    end_time      time        not null,
    primary key (calendar_code, day_of_week, start_time),
    check (start_time < end_time or end_time = time '00:00:00')
);

create table business_calendar_holiday (
    calendar_code varchar(40)  not null references business_calendar (code),
    holiday_date  date         not null,
    name          varchar(120) not null,
    primary key (calendar_code, holiday_date)
);

insert into business_calendar (code, name, zone_id, twenty_four_seven) values
('24X7', 'Around the clock', 'UTC', true),
('OFFICE_BERLIN', 'Office hours Berlin', 'Europe/Berlin', false),
('OFFICE_NEW_YORK', 'Office hours New York', 'America/New_York', false);

insert into business_calendar_hours (calendar_code, day_of_week, start_time, end_time) values
('OFFICE_BERLIN', 'MONDAY', time '08:00:00', time '18:00:00'),
('OFFICE_BERLIN', 'TUESDAY', time '08:00:00', time '18:00:00'),
('OFFICE_BERLIN', 'WEDNESDAY', time '08:00:00', time '18:00:00'),
('OFFICE_BERLIN', 'THURSDAY', time '08:00:00', time '18:00:00'),
('OFFICE_BERLIN', 'FRIDAY', time '08:00:00', time '18:00:00'),
('OFFICE_NEW_YORK', 'MONDAY', time '09:00:00', time '17:00:00'),
('OFFICE_NEW_YORK', 'TUESDAY', time '09:00:00', time '17:00:00'),
('OFFICE_NEW_YORK', 'WEDNESDAY', time '09:00:00', time '17:00:00'),
('OFFICE_NEW_YORK', 'THURSDAY', time '09:00:00', time '17:00:00'),
('OFFICE_NEW_YORK', 'FRIDAY', time '09:00:00', time '17:00:00');

-- Germany's nationwide public holidays (the states add their own)
insert into business_calendar_holiday (calendar_code, holiday_date, name) values
('OFFICE_BERLIN', date '2026-01-01', 'New Year''s Day'),
('OFFICE_BERLIN', date '2026-04-03', 'Good Friday'),
('OFFICE_BERLIN', date '2026-04-06', 'Easter Monday'),
('OFFICE_BERLIN', date '2026-05-01', 'Labour Day'),
('OFFICE_BERLIN', date '2026-05-14', 'Ascension Day'),
('OFFICE_BERLIN', date '2026-05-25', 'Whit Monday'),
('OFFICE_BERLIN', date '2026-10-03', 'German Unity Day'),
('OFFICE_BERLIN', date '2026-12-25', 'Christmas Day'),
('OFFICE_BERLIN', date '2026-12-26', 'Second Day of Christmas'),
('OFFICE_BERLIN', date '2027-01-01', 'New Year''s Day'),
('OFFICE_BERLIN', date '2027-03-26', 'Good Friday'),
('OFFICE_BERLIN', date '2027-03-29', 'Easter Monday'),
('OFFICE_BERLIN', date '2027-05-01', 'Labour Day'),
('OFFICE_BERLIN', date '2027-05-06', 'Ascension Day'),
('OFFICE_BERLIN', date '2027-05-17', 'Whit Monday'),
('OFFICE_BERLIN', date '2027-10-03', 'German Unity Day'),
('OFFICE_BERLIN', date '2027-12-25', 'Christmas Day'),
('OFFICE_BERLIN', date '2027-12-26', 'Second Day of Christmas');

-- US federal holidays as observed: one on a Saturday is taken on the Friday before, one on a Sunday on the Monday after
insert into business_calendar_holiday (calendar_code, holiday_date, name) values
('OFFICE_NEW_YORK', date '2026-01-01', 'New Year''s Day'),
('OFFICE_NEW_YORK', date '2026-01-19', 'Birthday of Martin Luther King, Jr.'),
('OFFICE_NEW_YORK', date '2026-02-16', 'Washington''s Birthday'),
('OFFICE_NEW_YORK', date '2026-05-25', 'Memorial Day'),
('OFFICE_NEW_YORK', date '2026-06-19', 'Juneteenth National Independence Day'),
('OFFICE_NEW_YORK', date '2026-07-03', 'Independence Day (observed)'),
('OFFICE_NEW_YORK', date '2026-09-07', 'Labor Day'),
('OFFICE_NEW_YORK', date '2026-10-12', 'Columbus Day'),
('OFFICE_NEW_YORK', date '2026-11-11', 'Veterans Day'),
('OFFICE_NEW_YORK', date '2026-11-26', 'Thanksgiving Day'),
('OFFICE_NEW_YORK', date '2026-12-25', 'Christmas Day'),
('OFFICE_NEW_YORK', date '2027-01-01', 'New Year''s Day'),
('OFFICE_NEW_YORK', date '2027-01-18', 'Birthday of Martin Luther King, Jr.'),
('OFFICE_NEW_YORK', date '2027-02-15', 'Washington''s Birthday'),
('OFFICE_NEW_YORK', date '2027-05-31', 'Memorial Day'),
('OFFICE_NEW_YORK', date '2027-06-18', 'Juneteenth National Independence Day (observed)'),
('OFFICE_NEW_YORK', date '2027-07-05', 'Independence Day (observed)'),
('OFFICE_NEW_YORK', date '2027-09-06', 'Labor Day'),
('OFFICE_NEW_YORK', date '2027-10-11', 'Columbus Day'),
('OFFICE_NEW_YORK', date '2027-11-11', 'Veterans Day'),
('OFFICE_NEW_YORK', date '2027-11-25', 'Thanksgiving Day'),
('OFFICE_NEW_YORK', date '2027-12-24', 'Christmas Day (observed)'),
('OFFICE_NEW_YORK', date '2027-12-31', 'New Year''s Day 2028 (observed)');

-- Every SLA target counts its response and its resolution time in a calendar, 24x7 unless said otherwise, and warns
-- at three thresholds in percent of the resolution time.
alter table catalog_sla_target add column response_calendar varchar(40) default '24X7' not null;
alter table catalog_sla_target add column resolution_calendar varchar(40) default '24X7' not null;
alter table catalog_sla_target add column warning1_percent int default 50 not null;
alter table catalog_sla_target add column warning2_percent int default 75 not null;
alter table catalog_sla_target add column warning3_percent int default 90 not null;
alter table catalog_sla_target add constraint catalog_sla_target_response_calendar_fk
    foreign key (response_calendar) references business_calendar (code);
alter table catalog_sla_target add constraint catalog_sla_target_resolution_calendar_fk
    foreign key (resolution_calendar) references business_calendar (code);
alter table catalog_sla_target add constraint catalog_sla_target_warnings_ascending
    check (0 < warning1_percent and warning1_percent < warning2_percent and warning2_percent < warning3_percent
        and warning3_percent < 100);

-- urgent work counts around the clock; MEDIUM and LOW count office hours, with the same number of minutes
update catalog_sla_target set response_calendar = 'OFFICE_BERLIN', resolution_calendar = 'OFFICE_BERLIN'
where priority in ('MEDIUM', 'LOW');
