-- The ACME order's CAA corroboration belongs to the order (BR 3.2.2.9, BR 5.4.1 items 7 and 8):
-- until now it was stored with no owner and the auditors' order page could not show it. The link
-- sits on the corroboration, written in the same transaction as the evidence, so the attempts
-- whose quorum failed (the order's CAA job rolls back and retries) stay on the order's record.
-- Rows from before have none: their orders show "not recorded".
alter table mpic_corroboration add column acme_order_id bigint references acme_order (id);
create index mpic_corroboration_acme_order_idx on mpic_corroboration (acme_order_id);

-- What a CAA corroboration judged (RFC 8657 accounturi and validationmethods, BR 4.2.2.1.2): each
-- name with its requester's account URI and validation method, one a line, sorted. CAA quorum
-- evidence is reused only for the same account and method per name; a row without it (recorded
-- before this column) cannot be shown to have judged the same request and is not reused.
alter table mpic_corroboration add column caa_requesters varchar(262144);
