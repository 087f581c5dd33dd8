-- The automation test's ACME account key (Chrome Root Program policy 1.8), kept once for every
-- node of the deployment: one account renews the test certificate whichever node runs the attempt,
-- instead of each node registering an account (and spending EAB credentials) of its own. The key
-- is the PKCS#12 the node wrote to its data directory before, protected by the CA keystore's
-- password; the database never sees the key in the clear. The only id is 1: the primary key is the
-- unique constraint that lets the first node's key in and turns a second node's insert away (it
-- then reads the winner's). A key replaced after its account was deactivated overwrites the row.
create table automation_test_account_key (
  id                 smallint primary key check (id = 1),
  pkcs12             bytea not null,
  -- SHA-256 of the public key (SubjectPublicKeyInfo), hex: which key this is, for a replacement
  -- that must not overwrite a key another node put in meanwhile, and for operators.
  public_key_sha256  varchar(64) not null,
  -- NEW: made here; DATA_DIR_FILE: taken over from a node's data-dir/automation-test/acme-account.p12.
  origin             varchar(16) not null,
  stored_at          timestamp with time zone not null
);
