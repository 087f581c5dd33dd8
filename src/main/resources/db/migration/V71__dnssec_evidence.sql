-- What DNSSEC validation said of each answer domain validation and CAA relied on (BR 3.2.2.4 and
-- 3.2.2.8.1, ballot SC-085): SECURE, INSECURE (provably unsigned), BOGUS, or NOT_VALIDATED in a
-- private CA's configuration. Rows written before validation existed stay null.
alter table dns_check_evidence add column dnssec varchar(16);
alter table caa_evidence add column dnssec varchar(8000);
