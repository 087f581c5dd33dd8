package org.cabackoffice.acme;

import com.fasterxml.jackson.databind.JsonNode;
import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.io.InputStream;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.cabackoffice.issuance.CertificatePem;
import org.cabackoffice.issuance.CertificateSerial;
import org.cabackoffice.issuance.IssuedCertificate;
import org.cabackoffice.issuance.IssuedCertificates;
import org.cabackoffice.revocation.CertificateRevocations;
import org.cabackoffice.revocation.RevocationReason;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

/**
 * The ACME server (RFC 8555) under {@code /acme}. Anonymous at the HTTP level: every POST is
 * authenticated by its JWS (an account key bound by EAB to a customer, or a certificate's key for
 * revocation), and every resource is checked against the signing account.
 */
@RestController
@RequestMapping("/acme")
public class AcmeController {

  private static final Logger log = LoggerFactory.getLogger(AcmeController.class);
  static final MediaType PROBLEM = MediaType.parseMediaType("application/problem+json");
  static final MediaType PEM_CHAIN = MediaType.parseMediaType("application/pem-certificate-chain");
  private static final int MAX_BODY = 64 * 1024;

  private final AcmeNonces nonces;
  private final AcmeJws jws;
  private final AcmeAccounts accounts;
  private final AcmeOrders orders;
  private final IssuedCertificates certificates;
  private final CertificateRevocations revocations;
  private final RenewalInfo renewalInfo;

  public AcmeController(
      AcmeNonces nonces,
      AcmeJws jws,
      AcmeAccounts accounts,
      AcmeOrders orders,
      IssuedCertificates certificates,
      CertificateRevocations revocations,
      RenewalInfo renewalInfo) {
    this.nonces = nonces;
    this.jws = jws;
    this.accounts = accounts;
    this.orders = orders;
    this.certificates = certificates;
    this.revocations = revocations;
    this.renewalInfo = renewalInfo;
  }

  @GetMapping("/directory")
  @PreAuthorize("permitAll()")
  public ResponseEntity<Map<String, Object>> directory() {
    AcmeUrls urls = urls();
    Map<String, Object> directory = new LinkedHashMap<>();
    directory.put("newNonce", urls.newNonce());
    directory.put("newAccount", urls.newAccount());
    directory.put("newOrder", urls.newOrder());
    directory.put("revokeCert", urls.revokeCert());
    directory.put("keyChange", urls.keyChange());
    directory.put("renewalInfo", urls.renewalInfo());
    directory.put("meta", Map.of("externalAccountRequired", true));
    return reply(HttpStatus.OK).body(directory);
  }

  @RequestMapping(path = "/new-nonce", method = {RequestMethod.HEAD, RequestMethod.GET})
  @PreAuthorize("permitAll()")
  public ResponseEntity<Void> newNonce(HttpServletRequest request) {
    // RFC 8555 7.2: 200 to HEAD, 204 to GET, never cached.
    HttpStatus status = "HEAD".equals(request.getMethod()) ? HttpStatus.OK : HttpStatus.NO_CONTENT;
    return reply(status).cacheControl(CacheControl.noStore()).build();
  }

  @PostMapping("/new-account")
  @PreAuthorize("permitAll()")
  public ResponseEntity<Map<String, Object>> newAccount(HttpServletRequest request) {
    AcmeUrls urls = urls();
    SignedRequest signed = verify(request, urls.newAccount(), AcmeJws.Signer.EMBEDDED_KEY, urls);
    AcmeAccounts.Found found = accounts.create(signed);
    return reply(found.created() ? HttpStatus.CREATED : HttpStatus.OK)
        .location(java.net.URI.create(urls.account(found.account().getId())))
        .body(account(found.account(), urls));
  }

  @PostMapping("/account/{id}")
  @PreAuthorize("permitAll()")
  public ResponseEntity<Map<String, Object>> account(@PathVariable long id, HttpServletRequest request) {
    AcmeUrls urls = urls();
    SignedRequest signed = verify(request, urls.account(id), AcmeJws.Signer.ACCOUNT, urls);
    AcmeAccount account = accounts.update(signed.account(), id, signed);
    return reply(HttpStatus.OK).body(account(account, urls));
  }

  @PostMapping("/account/{id}/orders")
  @PreAuthorize("permitAll()")
  public ResponseEntity<Map<String, Object>> orders(@PathVariable long id, HttpServletRequest request) {
    AcmeUrls urls = urls();
    SignedRequest signed = verify(request, urls.orders(id), AcmeJws.Signer.ACCOUNT, urls);
    if (signed.account().getId() != id) {
      throw AcmeProblem.unauthorized("an account's orders are listed to that account only");
    }
    List<String> list = orders.ordersOf(signed.account()).stream().map(o -> urls.order(o.getId())).toList();
    return reply(HttpStatus.OK).body(Map.of("orders", list));
  }

  @PostMapping("/key-change")
  @PreAuthorize("permitAll()")
  public ResponseEntity<Map<String, Object>> keyChange(HttpServletRequest request) {
    AcmeUrls urls = urls();
    SignedRequest signed = verify(request, urls.keyChange(), AcmeJws.Signer.ACCOUNT, urls);
    AcmeAccount account = accounts.changeKey(signed, urls);
    return reply(HttpStatus.OK).body(account(account, urls));
  }

  @PostMapping("/new-order")
  @PreAuthorize("permitAll()")
  public ResponseEntity<Map<String, Object>> newOrder(HttpServletRequest request) {
    AcmeUrls urls = urls();
    SignedRequest signed = verify(request, urls.newOrder(), AcmeJws.Signer.ACCOUNT, urls);
    AcmeOrder order = orders.create(signed.account(), urls.account(signed.account().getId()), signed.object());
    return reply(HttpStatus.CREATED).location(java.net.URI.create(urls.order(order.getId()))).body(order(order, urls));
  }

  @PostMapping("/order/{id}")
  @PreAuthorize("permitAll()")
  public ResponseEntity<Map<String, Object>> order(@PathVariable long id, HttpServletRequest request) {
    AcmeUrls urls = urls();
    SignedRequest signed = verify(request, urls.order(id), AcmeJws.Signer.ACCOUNT, urls);
    AcmeOrder order = orders.order(signed.account(), id);
    return reply(HttpStatus.OK).body(order(order, urls));
  }

  @PostMapping("/order/{id}/finalize")
  @PreAuthorize("permitAll()")
  public ResponseEntity<Map<String, Object>> finalizeOrder(@PathVariable long id, HttpServletRequest request) {
    AcmeUrls urls = urls();
    SignedRequest signed = verify(request, urls.finalizeOrder(id), AcmeJws.Signer.ACCOUNT, urls);
    AcmeOrder order = orders.finalizeOrder(signed.account(), id, signed.object());
    return reply(HttpStatus.OK).location(java.net.URI.create(urls.order(id))).body(order(order, urls));
  }

  @PostMapping("/authz/{id}")
  @PreAuthorize("permitAll()")
  public ResponseEntity<Map<String, Object>> authorization(@PathVariable long id, HttpServletRequest request) {
    AcmeUrls urls = urls();
    SignedRequest signed = verify(request, urls.authorization(id), AcmeJws.Signer.ACCOUNT, urls);
    AcmeAuthorization authorization;
    if (signed.postAsGet()) {
      authorization = orders.authorization(signed.account(), id);
    } else if (AcmeAuthorization.DEACTIVATED.equals(signed.object().path("status").asText())) {
      authorization = orders.deactivate(signed.account(), id);
    } else {
      throw AcmeProblem.malformed("an authorization can only be read (POST-as-GET) or deactivated");
    }
    return reply(HttpStatus.OK).body(authorization(authorization, urls));
  }

  @PostMapping("/chall/{id}")
  @PreAuthorize("permitAll()")
  public ResponseEntity<Map<String, Object>> challenge(@PathVariable long id, HttpServletRequest request) {
    AcmeUrls urls = urls();
    SignedRequest signed = verify(request, urls.challenge(id), AcmeJws.Signer.ACCOUNT, urls);
    AcmeChallenge challenge =
        signed.postAsGet() ? orders.challenge(signed.account(), id) : orders.respond(signed.account(), id);
    return reply(HttpStatus.OK)
        .header(HttpHeaders.LINK, "<" + urls.authorization(challenge.getAuthorizationId()) + ">;rel=\"up\"")
        .body(challenge(challenge, urls));
  }

  @PostMapping("/cert/{serial}")
  @PreAuthorize("permitAll()")
  public ResponseEntity<String> certificate(@PathVariable String serial, HttpServletRequest request) {
    AcmeUrls urls = urls();
    SignedRequest signed = verify(request, urls.certificate(serial), AcmeJws.Signer.ACCOUNT, urls);
    return reply(HttpStatus.OK).contentType(PEM_CHAIN).body(orders.chain(signed.account(), serial));
  }

  /**
   * revokeCert (RFC 8555 7.6), signed by the account that ordered the certificate or by the
   * certificate's own key, through the one place certificates are revoked.
   */
  @PostMapping("/revoke-cert")
  @PreAuthorize("permitAll()")
  public ResponseEntity<Void> revokeCert(HttpServletRequest request) {
    AcmeUrls urls = urls();
    SignedRequest signed = verify(request, urls.revokeCert(), AcmeJws.Signer.EITHER, urls);
    JsonNode payload = signed.object();
    X509Certificate certificate = certificateOf(payload.path("certificate").asText(""));
    String serial = CertificateSerial.hex(certificate.getSerialNumber());
    IssuedCertificate issued =
        certificates.findBySerial(serial).orElseThrow(() -> AcmeProblem.notFound("this CA issued no such certificate"));
    String revokedBy;
    if (signed.account() != null) {
      if (issued.customerAccountId() != signed.account().getCustomerAccountId()) {
        throw AcmeProblem.unauthorized("the certificate was not issued to this account's customer");
      }
      revokedBy = "acme-account-" + signed.account().getId();
    } else {
      String certificateKey = Base64.getEncoder().encodeToString(certificate.getPublicKey().getEncoded());
      if (!certificateKey.equals(publicKeyOf(signed))) {
        throw AcmeProblem.unauthorized("the request is signed neither by an account nor by the certificate's key");
      }
      revokedBy = "certificate key holder";
    }
    if (revocations.find(serial).isPresent()) {
      throw new AcmeProblem(AcmeProblem.ALREADY_REVOKED, 400, "the certificate is already revoked");
    }
    RevocationReason reason = reason(payload.path("reason"));
    revocations.revoke(serial, reason, revokedBy, "ACME revokeCert (RFC 8555 7.6)");
    return reply(HttpStatus.OK).build();
  }

  /** ARI (RFC 9773 4.1): GET renewalInfo/{certID}, unauthenticated. */
  @GetMapping("/renewal-info/{certId}")
  @PreAuthorize("permitAll()")
  public ResponseEntity<Map<String, Object>> renewalInfo(@PathVariable String certId) {
    RenewalInfo.Window window = renewalInfo.windowFor(certId);
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("suggestedWindow", Map.of("start", window.start().toString(), "end", window.end().toString()));
    if (window.explanation() != null) {
      body.put("explanationURL",
          ServletUriComponentsBuilder.fromCurrentContextPath().path(window.explanation()).build().toUriString());
    }
    return reply(HttpStatus.OK).header("Retry-After", "21600").body(body);
  }

  private static String publicKeyOf(SignedRequest signed) {
    try {
      java.security.PublicKey key = signed.jwk() instanceof com.nimbusds.jose.jwk.RSAKey rsa
          ? rsa.toPublicKey()
          : ((com.nimbusds.jose.jwk.ECKey) signed.jwk()).toPublicKey();
      return Base64.getEncoder().encodeToString(key.getEncoded());
    } catch (com.nimbusds.jose.JOSEException | RuntimeException e) {
      return "";
    }
  }

  private static X509Certificate certificateOf(String base64url) {
    try {
      byte[] der = Base64.getUrlDecoder().decode(base64url);
      java.security.cert.CertificateFactory factory = java.security.cert.CertificateFactory.getInstance("X.509");
      return (X509Certificate) factory.generateCertificate(new java.io.ByteArrayInputStream(der));
    } catch (IllegalArgumentException | java.security.cert.CertificateException | ClassCastException e) {
      throw AcmeProblem.malformed("certificate must be the base64url DER of a certificate");
    }
  }

  /** RFC 5280 reason codes the BR allows a subscriber certificate's revocation (BR 7.2.2). */
  private static RevocationReason reason(JsonNode code) {
    if (code.isMissingNode() || code.isNull()) {
      throw new AcmeProblem(AcmeProblem.BAD_REVOCATION_REASON, 400,
          "name a reason (BR 7.2.2 leaves no unspecified): 1 keyCompromise, 3 affiliationChanged, 4 superseded,"
              + " 5 cessationOfOperation, 9 privilegeWithdrawn");
    }
    for (RevocationReason reason : RevocationReason.values()) {
      if (code.isInt() && reason.crlReasonCode() == code.asInt()) {
        return reason;
      }
    }
    throw new AcmeProblem(AcmeProblem.BAD_REVOCATION_REASON, 400,
        "reason " + code + " is not one BR 7.2.2 allows: 1, 3, 4, 5 or 9");
  }

  // --- views --------------------------------------------------------------------------------

  private Map<String, Object> account(AcmeAccount account, AcmeUrls urls) {
    Map<String, Object> view = new LinkedHashMap<>();
    view.put("status", account.getStatus());
    if (account.getContact() != null) {
      view.put("contact", List.of(account.getContact().split(",")));
    }
    view.put("orders", urls.orders(account.getId()));
    view.put("externalAccountBinding", Map.of("kid", account.getEabKid()));
    return view;
  }

  private Map<String, Object> order(AcmeOrder order, AcmeUrls urls) {
    Map<String, Object> view = new LinkedHashMap<>();
    view.put("status", orders.statusOf(order));
    view.put("expires", order.getExpiresAt().toString());
    view.put("identifiers", order.getDnsNames().stream().map(n -> Map.of("type", "dns", "value", n)).toList());
    view.put("authorizations", order.getAuthorizationIds().stream().map(urls::authorization).toList());
    view.put("finalize", urls.finalizeOrder(order.getId()));
    if (order.getCertificateSerial() != null) {
      view.put("certificate", urls.certificate(order.getCertificateSerial()));
    }
    if (order.getErrorType() != null) {
      view.put("error", Map.of("type", AcmeProblem.PREFIX + order.getErrorType(), "detail", order.getErrorDetail()));
    }
    return view;
  }

  private Map<String, Object> authorization(AcmeAuthorization authorization, AcmeUrls urls) {
    Map<String, Object> view = new LinkedHashMap<>();
    view.put("identifier", Map.of("type", "dns", "value", authorization.getDnsName()));
    view.put("status", orders.statusOf(authorization));
    view.put("expires", authorization.getExpiresAt().toString());
    List<Map<String, Object>> challenges = new ArrayList<>();
    for (AcmeChallenge challenge : orders.challengesOf(authorization)) {
      // A valid authorization shows the challenge that validated it (RFC 8555 7.1.4).
      if (!AcmeAuthorization.VALID.equals(authorization.getStatus()) || AcmeChallenge.VALID.equals(challenge.getStatus())) {
        challenges.add(challenge(challenge, urls));
      }
    }
    view.put("challenges", challenges);
    return view;
  }

  private static Map<String, Object> challenge(AcmeChallenge challenge, AcmeUrls urls) {
    Map<String, Object> view = new LinkedHashMap<>();
    view.put("type", challenge.getType());
    view.put("url", urls.challenge(challenge.getId()));
    view.put("status", challenge.getStatus());
    view.put("token", challenge.getToken());
    if (challenge.getValidatedAt() != null) {
      view.put("validated", challenge.getValidatedAt().toString());
    }
    if (challenge.getErrorDetail() != null) {
      String detail = challenge.getErrorDetail();
      int colon = detail.indexOf(": ");
      view.put("error", Map.of(
          "type", AcmeProblem.PREFIX + (colon > 0 ? detail.substring(0, colon) : AcmeProblem.UNAUTHORIZED),
          "detail", colon > 0 ? detail.substring(colon + 2) : detail));
    }
    return view;
  }

  // --- plumbing -----------------------------------------------------------------------------

  private SignedRequest verify(HttpServletRequest request, String url, AcmeJws.Signer signer, AcmeUrls urls) {
    String contentType = request.getContentType();
    if (contentType == null || !contentType.toLowerCase(java.util.Locale.ROOT).startsWith("application/jose+json")) {
      throw new AcmeProblem(AcmeProblem.MALFORMED, 415, "ACME requests are application/jose+json (RFC 8555 6.2)");
    }
    return jws.verify(body(request), url, signer, kid -> urls.accountId(kid).flatMap(accounts::byId));
  }

  private static byte[] body(HttpServletRequest request) {
    try (InputStream in = request.getInputStream()) {
      byte[] body = in.readNBytes(MAX_BODY + 1);
      if (body.length > MAX_BODY) {
        throw new AcmeProblem(AcmeProblem.MALFORMED, 413, "the request is larger than " + MAX_BODY + " bytes");
      }
      return body;
    } catch (IOException e) {
      throw AcmeProblem.malformed("the request body could not be read");
    }
  }

  private static AcmeUrls urls() {
    return new AcmeUrls(ServletUriComponentsBuilder.fromCurrentContextPath().path("/acme").build().toUriString());
  }

  private ResponseEntity.BodyBuilder reply(HttpStatus status) {
    return ResponseEntity.status(status)
        .header("Replay-Nonce", nonces.issue())
        .header(HttpHeaders.LINK, "<" + urls().directory() + ">;rel=\"index\"");
  }

  @ExceptionHandler(AcmeProblem.class)
  ResponseEntity<Map<String, Object>> problem(AcmeProblem problem) {
    log.info("ACME request refused ({}): {}", problem.type(), problem.getMessage());
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("type", problem.urn());
    body.put("detail", problem.getMessage());
    body.put("status", problem.status());
    return reply(HttpStatus.valueOf(problem.status())).contentType(PROBLEM).body(body);
  }
}
