-- JPRS organization-type domains (.co.jp …) name their contacts by JP handle; the addresses the
-- consent mails go to come from the contact records asked for those handles, so the records
-- are evidence too (BR 5.4.1), kept verbatim beside the domain record.
alter table registration_evidence add column contact_records varchar(262144);
