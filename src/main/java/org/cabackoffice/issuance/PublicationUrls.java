package org.cabackoffice.issuance;

import java.net.URI;
import java.util.Optional;

/**
 * Where relying parties find what the CA publishes over plain HTTP, as named in certificates: the
 * issuing CA's certificate (AIA caIssuers, BR 7.1.2.7.7), the partitioned CRLs (CRL distribution
 * point, BR 7.1.2.11.2), the ARL the root signs for its intermediates, and the OCSP responder
 * (AIA ocsp, left out when the configuration does not offer OCSP in certificates).
 *
 * @param caIssuers URL of the issuing CA's certificate
 * @param crlBase URL under which {@code issuing-ca/<shard>.crl} and {@code root-ca.crl} are served
 * @param ocsp the responder's URL, when certificates name it
 */
public record PublicationUrls(String caIssuers, String crlBase, Optional<String> ocsp) {

  /** Path under the CRL base of the issuing CA's shards. */
  public static final String ISSUING_CA_CRLS = "/issuing-ca/";
  public static final String ARL = "/root-ca.crl";

  public PublicationUrls {
    crlBase = stripSlash(crlBase);
    ocsp = ocsp.filter(url -> !url.isBlank());
  }

  /** The URL of a shard of the issuing CA's CRL: what a certificate on that shard names. */
  public String crl(int shard) {
    return crlBase + ISSUING_CA_CRLS + shard + ".crl";
  }

  /** The URL of the root's CRL for the CA certificates it signed (the ARL). */
  public String arl() {
    return crlBase + ARL;
  }

  /** The URLs of one installation at {@code baseUrl}, with the configured overrides. */
  static PublicationUrls of(CaProperties properties, String baseUrl) {
    String base = stripSlash(baseUrl);
    return new PublicationUrls(
        blank(properties.issuerUrl()) ? base + "/ca/issuing-ca.crt" : properties.issuerUrl(),
        blank(properties.crlUrl()) ? base + "/crl" : properties.crlUrl(),
        properties.ocspInCertificates()
            ? Optional.of(blank(properties.ocspUrl()) ? base + "/ocsp" : properties.ocspUrl())
            : Optional.empty());
  }

  /** Everything at the origin (scheme, host, port) of the caIssuers URL: the tests' CA. */
  static PublicationUrls besideCaIssuers(String caIssuersUrl) {
    URI origin = URI.create(caIssuersUrl).resolve("/");
    String base = stripSlash(origin.toString());
    return new PublicationUrls(caIssuersUrl, base + "/crl", Optional.of(base + "/ocsp"));
  }

  private static boolean blank(String value) {
    return value == null || value.isBlank();
  }

  private static String stripSlash(String url) {
    return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
  }
}
