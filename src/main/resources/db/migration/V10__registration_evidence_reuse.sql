-- Registration data may be reused while younger than 48 hours (DESIGN.md). A check answered from
-- an earlier lookup is logged as its own row (BR 5.4.1) naming that lookup, so auditors see which
-- registry answer a decision rests on; checked_at is when the check was made, queried_at stays
-- when the registry answered.
alter table registration_evidence add column checked_at timestamp with time zone;
update registration_evidence set checked_at = queried_at;
alter table registration_evidence alter column checked_at set not null;
alter table registration_evidence add column reused_evidence_id bigint;
alter table registration_evidence add constraint registration_evidence_reused_fk
  foreign key (reused_evidence_id) references registration_evidence (id);
