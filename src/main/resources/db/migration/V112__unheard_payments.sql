-- Payments no process took are looked at again every half minute (Payments.tellUnheard):
-- the look reads the newest unheard ones, which this index finds without reading every payment.
create index payment_unheard on payment (process_notified, id);
