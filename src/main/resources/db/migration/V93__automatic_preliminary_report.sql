-- BR 4.9.5: when the process mailed the preliminary report itself because no officer had finished
-- the investigation of a problem report in time; the officer's findings follow as their own report.
alter table revocation_request add column automatic_report_at timestamp with time zone;
