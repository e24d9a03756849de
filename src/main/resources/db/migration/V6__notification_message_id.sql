-- Notifications go out by e-mail: a row of notification_outbox is written when the mail server accepted the mail
-- (sent_at), with the mail's Message-ID, so that a row can be found in the mail server's log and the recipient's
-- mailbox. Rows from before have no sent_at: they were never sent.
alter table notification_outbox add column message_id varchar(250);
