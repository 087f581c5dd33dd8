-- Issue 15: a bank statement's deposit into the customer's dedicated account pays an ACME
-- contract's invoice as it pays an application's. The line names the contract it paid; the
-- contract itself records the payment (value date, reference, "bank-statement:<import>").
alter table bank_statement_line add column acme_contract_id bigint references acme_contract (id);

-- The unpaid contract invoices of a virtual account, looked up for each deposit that paid no
-- application's invoice.
create index acme_contract_unpaid_account_idx on acme_contract (virtual_account_id, paid_at);
