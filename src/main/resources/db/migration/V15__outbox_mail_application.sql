-- Each mail names the application it is about, so an auditor's timeline finds an application's
-- mails by that column rather than by the senders' dedup-key conventions (BR 5.4.1: the history
-- must not depend on a naming habit that a later change could break unnoticed).
alter table outbox_mail add column application_id bigint references application (id);
create index outbox_mail_application_idx on outbox_mail (application_id, id);

-- Mails queued before this column: their keys name the application, or the record the mail was
-- about, as the senders wrote them.
update outbox_mail set application_id = (
    select a.id from application a
    where outbox_mail.dedup_key = 'invoice:' || cast(a.id as varchar(20))
       or outbox_mail.dedup_key = 'application-rejected:' || cast(a.id as varchar(20)))
  where dedup_key like 'invoice:%' or dedup_key like 'application-rejected:%';
update outbox_mail set application_id = (
    select max(c.application_id) from domain_use_consent c
    where outbox_mail.dedup_key like 'domain-use-consent:' || cast(c.application_id as varchar(20)) || ':%'
       or outbox_mail.dedup_key like 'domain-use-consent-reminder:' || cast(c.id as varchar(20)) || ':%')
  where dedup_key like 'domain-use-consent%';
update outbox_mail set application_id = (
    select c.application_id from dns_challenge c
    where outbox_mail.dedup_key = 'dns-change-challenge:' || cast(c.id as varchar(20)))
  where dedup_key like 'dns-change-challenge:%';
update outbox_mail set application_id = (
    select r.application_id from document_request r
    where outbox_mail.dedup_key = 'document-request:' || cast(r.id as varchar(20))
       or outbox_mail.dedup_key like 'document-reminder:' || cast(r.id as varchar(20)) || ':%')
  where dedup_key like 'document-request:%' or dedup_key like 'document-reminder:%';
update outbox_mail set application_id = (
    select i.application_id from issued_certificate i
    where outbox_mail.dedup_key = 'certificate-issued/' || i.serial)
  where dedup_key like 'certificate-issued/%';
