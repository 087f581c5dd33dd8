/**
 * The registration authority's use case on top of every feature: it gathers what the features
 * established (approval, payment, domain control, CAA, the key) and has the certificate signed
 * and mailed. Nothing imports this package (ArchitectureTest), so the features never reach each
 * other through it.
 */
package org.cabackoffice.registration;
