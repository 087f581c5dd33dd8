package org.cabackoffice.acme;

/**
 * The server's resource URLs (RFC 8555 7.1), under the base the client reached, e.g.
 * {@code https://ca.example/acme}. Each JWS names the URL it was sent to, so they must be
 * exactly what the client was given.
 */
public record AcmeUrls(String base) {

  public String directory() {
    return base + "/directory";
  }

  public String newNonce() {
    return base + "/new-nonce";
  }

  public String newAccount() {
    return base + "/new-account";
  }

  public String newOrder() {
    return base + "/new-order";
  }

  public String revokeCert() {
    return base + "/revoke-cert";
  }

  public String keyChange() {
    return base + "/key-change";
  }

  public String renewalInfo() {
    return base + "/renewal-info";
  }

  public String account(long id) {
    return base + "/account/" + id;
  }

  public String order(long id) {
    return base + "/order/" + id;
  }

  public String orders(long accountId) {
    return base + "/account/" + accountId + "/orders";
  }

  public String finalizeOrder(long id) {
    return base + "/order/" + id + "/finalize";
  }

  public String authorization(long id) {
    return base + "/authz/" + id;
  }

  public String challenge(long id) {
    return base + "/chall/" + id;
  }

  public String certificate(String serial) {
    return base + "/cert/" + serial;
  }

  /** The account id a kid names, if it is one of this server's account URLs. */
  public java.util.Optional<Long> accountId(String kid) {
    String prefix = base + "/account/";
    if (kid == null || !kid.startsWith(prefix)) {
      return java.util.Optional.empty();
    }
    try {
      return java.util.Optional.of(Long.parseLong(kid.substring(prefix.length())));
    } catch (NumberFormatException e) {
      return java.util.Optional.empty();
    }
  }
}
