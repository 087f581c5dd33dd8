-- Renewals are found by the certificate they renew (no renewal invitation for a certificate
-- already being renewed), so the serial is stored as everywhere else: lower-case hex without
-- separators or leading zeros.
update application
   set renewed_certificate_serial = ltrim(lower(replace(replace(renewed_certificate_serial, ':', ''), ' ', '')), '0')
 where renewed_certificate_serial is not null;
create index application_renewed_certificate_idx on application (renewed_certificate_serial);
