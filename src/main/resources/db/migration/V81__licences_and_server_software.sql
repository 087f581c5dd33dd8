-- Issue 14, the storefront: an application names how many licences (servers) it buys, which the
-- invoice counts, and the server software, which decides whether the issuance mail carries the
-- chain as PKCS#7 for Microsoft IIS (guide [5-2]). Earlier applications bought one licence.
alter table application add column licences integer default 1 not null;
alter table application add column server_software varchar(20) default 'OTHER' not null;
