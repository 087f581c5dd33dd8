/**
 * The storefront (issue 14; guide [1-3], [2], [2-1], [5-2], [5-3]): the customer's own pages at
 * the site's root — log in with the user ID, my certificates, apply and renew, my applications,
 * receiving the certificate. It calls the features' services (intake, CSR check, invoices,
 * document requests, issued certificates) and duplicates none of their rules; nothing imports it.
 */
package org.cabackoffice.storefront;
