-- An ACME order whose organization identity is past its reuse period runs the renewal's identity
-- steps: an officer's phone call through the main number, then a second officer's approval
-- (EV Guidelines 5.2.4; the approver is not who called). A call waits as PENDING and is reused by
-- later orders (BR 4.2.1) only once APPROVED; rows from before the approval step keep null.
alter table acme_identity_confirmation add column approval varchar(16);
alter table acme_identity_confirmation add column approved_by varchar(128);
alter table acme_identity_confirmation add column approval_note varchar(2000);
alter table acme_identity_confirmation add column approved_at timestamp with time zone;
