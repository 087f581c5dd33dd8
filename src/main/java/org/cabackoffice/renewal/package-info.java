/**
 * Expiry and renewal invitations: before a certificate expires, its technical contact is invited
 * to renew (guide, introduction: renewal opens 30 days after issuance and closes 89 days after
 * expiry), unless the certificate is revoked or already being renewed.
 */
package org.cabackoffice.renewal;
