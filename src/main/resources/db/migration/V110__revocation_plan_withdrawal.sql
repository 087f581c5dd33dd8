-- Issue 15, SC-089: an officer withdraws a revocation plan that will not happen (the incident
-- proved smaller, or the certificates are replaced another way). The record stays, with who
-- withdrew it, when and why; ARI's windows return to the certificates' usual ones.
alter table revocation_plan add column withdrawn_by varchar(128);
alter table revocation_plan add column withdrawn_at timestamp with time zone;
alter table revocation_plan add column withdrawal_reason varchar(2000);
