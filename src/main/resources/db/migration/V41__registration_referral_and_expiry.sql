-- A registry answer that names the registrant is used when the registrar referral it names
-- fails; the failed referral and why stay with the evidence (BR 5.4.1).
alter table registration_evidence add column failed_referral varchar(512);
alter table registration_evidence add column failed_referral_reason varchar(1000);
-- The registration's expiry date as the record gives it: a lapsed registration is a finding the
-- officer sees and never an automatic registrant match.
alter table registration_evidence add column registration_expires_on date;
