package org.cabackoffice.csr;

/** The subject of the request as the customer wrote it; each field null when absent. */
public record CsrSubject(
    String dn,
    String commonName,
    String organization,
    String organizationalUnit,
    String locality,
    String stateOrProvince,
    String country) {}
