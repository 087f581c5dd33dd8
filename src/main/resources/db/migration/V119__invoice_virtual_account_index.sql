-- A bank statement import reads, for each chunk of 2,000 lines, the open and the paid invoices of
-- the virtual accounts the chunk's deposits went to (BankStatementImports.decide, issue 12).
-- PostgreSQL indexes no foreign key by itself, so each such read scanned the whole invoice table:
-- two scans per chunk, a thousand for a million-line file, each longer as invoices accumulate.
-- H2 had an index of the foreign key already; this one serves both.
create index invoice_virtual_account_status_idx on invoice (virtual_account_id, status);
