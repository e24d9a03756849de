-- The service catalog: what can be requested, who can do it, what "done" means and the SLA per priority.

create table catalog_service (
    code                  varchar(40)   not null primary key,
    name                  varchar(120)  not null,
    description           varchar(1000) not null,
    required_skill        varchar(60)   not null,
    standard_effort_hours decimal(8, 2) not null check (standard_effort_hours > 0),
    cost_rate_per_hour    decimal(10, 2) not null check (cost_rate_per_hour >= 0),
    currency              varchar(3)    not null
);

create table catalog_request_type (
    service_code varchar(40)  not null references catalog_service (code),
    code         varchar(40)  not null,
    name         varchar(120) not null,
    primary key (service_code, code)
);

create table catalog_checklist_item (
    service_code varchar(40)  not null references catalog_service (code),
    position     int          not null,
    text         varchar(300) not null,
    primary key (service_code, position)
);

-- response: time to plan and acknowledge; resolution: time to a verified, completed delivery (minutes, 24x7)
create table catalog_sla_target (
    service_code       varchar(40) not null references catalog_service (code),
    priority           varchar(10) not null check (priority in ('CRITICAL', 'HIGH', 'MEDIUM', 'LOW')),
    response_minutes   int         not null check (response_minutes > 0),
    resolution_minutes int         not null,
    primary key (service_code, priority),
    check (resolution_minutes > response_minutes)
);

insert into catalog_service (code, name, description, required_skill, standard_effort_hours, cost_rate_per_hour, currency) values
('LAPTOP_PROVISIONING', 'Laptop provisioning',
 'A ready-to-use, encrypted and registered laptop handed over to the user.', 'hardware', 3.00, 65.00, 'EUR'),
('NETWORK_ACCESS', 'Network access',
 'Access to the corporate network, VPN or a firewall change, approved and tested with the user.', 'network', 1.50, 80.00, 'EUR'),
('ONSITE_REPAIR', 'On-site repair',
 'A technician diagnoses and repairs faulty equipment at the user''s workplace.', 'hardware', 2.00, 75.00, 'EUR'),
('SOFTWARE_INSTALLATION', 'Software installation',
 'Licensed software installed from the approved source and working for the user.', 'software', 1.00, 60.00, 'EUR'),
('DATA_RECOVERY', 'Data recovery',
 'Files, mailboxes or disks restored from backup or recovered from failed media, verified with the requester.', 'storage', 4.00, 90.00, 'EUR');

insert into catalog_request_type (service_code, code, name) values
('LAPTOP_PROVISIONING', 'NEW_LAPTOP', 'New laptop for a new or existing employee'),
('LAPTOP_PROVISIONING', 'REPLACEMENT', 'Replacement of an old or broken laptop'),
('LAPTOP_PROVISIONING', 'LOAN', 'Loan laptop for a limited time'),
('NETWORK_ACCESS', 'NEW_ACCESS', 'Access to the corporate network'),
('NETWORK_ACCESS', 'VPN_ACCESS', 'Remote access through VPN'),
('NETWORK_ACCESS', 'FIREWALL_CHANGE', 'Firewall rule change'),
('ONSITE_REPAIR', 'HARDWARE_FAULT', 'Computer hardware fault'),
('ONSITE_REPAIR', 'PERIPHERAL', 'Peripheral replacement (monitor, dock, keyboard)'),
('ONSITE_REPAIR', 'PRINTER', 'Printer repair'),
('SOFTWARE_INSTALLATION', 'STANDARD_SOFTWARE', 'Standard software from the catalog'),
('SOFTWARE_INSTALLATION', 'LICENSED_SOFTWARE', 'Software that needs a licence'),
('SOFTWARE_INSTALLATION', 'UPGRADE', 'Upgrade of installed software'),
('DATA_RECOVERY', 'FILE_RESTORE', 'File restore from backup'),
('DATA_RECOVERY', 'MAILBOX_RESTORE', 'Mailbox restore'),
('DATA_RECOVERY', 'DISK_RECOVERY', 'Recovery from a failed disk');

insert into catalog_checklist_item (service_code, position, text) values
('LAPTOP_PROVISIONING', 1, 'Asset tagged and registered in the inventory'),
('LAPTOP_PROVISIONING', 2, 'Operating system image installed and patched'),
('LAPTOP_PROVISIONING', 3, 'Disk encryption enabled'),
('LAPTOP_PROVISIONING', 4, 'User account and e-mail configured'),
('LAPTOP_PROVISIONING', 5, 'Handover signed by the user'),
('NETWORK_ACCESS', 1, 'Access approved by the data owner'),
('NETWORK_ACCESS', 2, 'Account or rule configured'),
('NETWORK_ACCESS', 3, 'Connectivity tested with the user'),
('NETWORK_ACCESS', 4, 'Change recorded in the configuration database'),
('ONSITE_REPAIR', 1, 'Fault diagnosed and documented'),
('ONSITE_REPAIR', 2, 'Faulty part repaired or replaced'),
('ONSITE_REPAIR', 3, 'Device tested together with the user'),
('ONSITE_REPAIR', 4, 'Work area left clean and safe'),
('SOFTWARE_INSTALLATION', 1, 'Licence available and assigned'),
('SOFTWARE_INSTALLATION', 2, 'Software installed from the approved source'),
('SOFTWARE_INSTALLATION', 3, 'Application starts and the user can sign in'),
('SOFTWARE_INSTALLATION', 4, 'Installation recorded in the asset register'),
('DATA_RECOVERY', 1, 'Recovery scope confirmed with the requester'),
('DATA_RECOVERY', 2, 'Data restored to the agreed location'),
('DATA_RECOVERY', 3, 'Integrity of the restored data verified'),
('DATA_RECOVERY', 4, 'Requester confirmed the data is complete');

insert into catalog_sla_target (service_code, priority, response_minutes, resolution_minutes) values
('LAPTOP_PROVISIONING', 'CRITICAL', 30, 480),
('LAPTOP_PROVISIONING', 'HIGH', 120, 1440),
('LAPTOP_PROVISIONING', 'MEDIUM', 240, 2880),
('LAPTOP_PROVISIONING', 'LOW', 480, 7200),
('NETWORK_ACCESS', 'CRITICAL', 15, 240),
('NETWORK_ACCESS', 'HIGH', 60, 480),
('NETWORK_ACCESS', 'MEDIUM', 240, 1440),
('NETWORK_ACCESS', 'LOW', 480, 4320),
('ONSITE_REPAIR', 'CRITICAL', 30, 240),
('ONSITE_REPAIR', 'HIGH', 60, 480),
('ONSITE_REPAIR', 'MEDIUM', 240, 1440),
('ONSITE_REPAIR', 'LOW', 480, 2880),
('SOFTWARE_INSTALLATION', 'CRITICAL', 30, 240),
('SOFTWARE_INSTALLATION', 'HIGH', 120, 480),
('SOFTWARE_INSTALLATION', 'MEDIUM', 240, 1440),
('SOFTWARE_INSTALLATION', 'LOW', 480, 4320),
('DATA_RECOVERY', 'CRITICAL', 15, 240),
('DATA_RECOVERY', 'HIGH', 60, 720),
('DATA_RECOVERY', 'MEDIUM', 240, 2880),
('DATA_RECOVERY', 'LOW', 480, 5760);
