/**
 * The one SHA-256 of the back office: fingerprints of keys, uploaded files, bank statements, TBS
 * certificates and mail ids. Depends on no other package, so every feature may use it.
 */
package org.cabackoffice.digest;
