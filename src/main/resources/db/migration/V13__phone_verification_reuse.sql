-- A reused phone verification (guide [4]) names the call it relies on; the reuse period runs
-- from that call.
alter table phone_verification add column reused_from bigint references phone_verification (id);
