-- Staff find applications by domain (issue 8 item 6): every DNS name the CSR asks for (CN and
-- SANs), lower case, so a suffix match needs no CSR parsing at query time.
create table application_dns_name (
  application_id  bigint not null references application (id),
  dns_name        varchar(253) not null,
  primary key (application_id, dns_name)
);
create index application_dns_name_idx on application_dns_name (dns_name);

-- Applications submitted before this table existed get their names at the next start
-- (ApplicationDnsNamesBackfill); until then the flag is false and their CN still matches.
alter table application add column dns_names_recorded boolean not null default false;

create index application_submitted_idx on application (submitted_at);
create index application_status_idx on application (status);
