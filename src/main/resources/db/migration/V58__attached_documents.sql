-- Guide [3-1] 送付先: documents arrive through the upload link, by fax, or as an e-mail
-- attachment (and, in practice, by post). An officer attaches what did not come through the link,
-- so the evidence is kept with the application (BR 5.4.1): how it arrived and who attached it.
-- Every earlier document came through the link, uploaded by the technical contact.
alter table uploaded_document add column arrived_by varchar(16) default 'UPLOAD' not null;
alter table uploaded_document add column attached_by varchar(128);
