-- An ACME order whose organization identity is past its reuse period runs the renewal's identity
-- steps, which may ask the technical contact for documents: the employment certificate when the
-- responsible person cannot be reached through the main number (guide [4]) and supporting
-- documents (guide [3-1]). A document request therefore belongs to an application or to an ACME
-- order, never both and never neither.
alter table document_request alter column application_id drop not null;
alter table document_request add column acme_order_id bigint references acme_order (id);
alter table document_request add constraint document_request_one_subject
  check ((application_id is null and acme_order_id is not null)
      or (application_id is not null and acme_order_id is null));
create index document_request_acme_order_idx on document_request (acme_order_id, kind);

-- What the registries said about the order's registrable domains when its identity was past the
-- reuse period (WHOIS/RDAP, as the renewal looks up the registrant): registrant vs organization,
-- match or not, for the officers' forms and the order's evidence auditors read.
alter table acme_order add column registrant_evidence varchar(4000);
