package org.cabackoffice.acme;

/**
 * An ACME error (RFC 8555 6.7): answered as a problem document whose type is
 * {@code urn:ietf:params:acme:error:<type>}. Refusals of the client's request, never the server's
 * failures.
 */
public class AcmeProblem extends RuntimeException {

  public static final String BAD_NONCE = "badNonce";
  public static final String MALFORMED = "malformed";
  public static final String UNAUTHORIZED = "unauthorized";
  public static final String REJECTED_IDENTIFIER = "rejectedIdentifier";
  public static final String BAD_CSR = "badCSR";
  public static final String ORDER_NOT_READY = "orderNotReady";
  public static final String EXTERNAL_ACCOUNT_REQUIRED = "externalAccountRequired";
  public static final String ACCOUNT_DOES_NOT_EXIST = "accountDoesNotExist";
  public static final String BAD_SIGNATURE_ALGORITHM = "badSignatureAlgorithm";
  public static final String BAD_PUBLIC_KEY = "badPublicKey";
  public static final String UNSUPPORTED_IDENTIFIER = "unsupportedIdentifier";
  public static final String ALREADY_REVOKED = "alreadyRevoked";
  public static final String BAD_REVOCATION_REASON = "badRevocationReason";
  public static final String CAA = "caa";
  public static final String INCORRECT_RESPONSE = "incorrectResponse";
  public static final String CONNECTION = "connection";
  public static final String DNS = "dns";

  public static final String PREFIX = "urn:ietf:params:acme:error:";

  private final String type;
  private final int status;

  public AcmeProblem(String type, int status, String detail) {
    super(detail);
    this.type = type;
    this.status = status;
  }

  public static AcmeProblem malformed(String detail) {
    return new AcmeProblem(MALFORMED, 400, detail);
  }

  public static AcmeProblem unauthorized(String detail) {
    return new AcmeProblem(UNAUTHORIZED, 403, detail);
  }

  public static AcmeProblem notFound(String detail) {
    return new AcmeProblem(MALFORMED, 404, detail);
  }

  public String type() {
    return type;
  }

  public String urn() {
    return PREFIX + type;
  }

  public int status() {
    return status;
  }
}
