package org.cabackoffice.acme;

import com.fasterxml.jackson.databind.JsonNode;
import com.nimbusds.jose.jwk.JWK;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** ACME accounts (RFC 8555 7.3): creation with external account binding, update, key change. */
@Service
public class AcmeAccounts {

  private static final Logger log = LoggerFactory.getLogger(AcmeAccounts.class);

  /** The account, and whether this request created it (201) or found it (200). */
  public record Found(AcmeAccount account, boolean created) {}

  private final AcmeAccountRepository accounts;
  private final EabCredentialRepository credentials;
  private final AcmeJws jws;
  private final Clock clock;

  public AcmeAccounts(AcmeAccountRepository accounts, EabCredentialRepository credentials, AcmeJws jws, Clock clock) {
    this.accounts = accounts;
    this.credentials = credentials;
    this.jws = jws;
    this.clock = clock;
  }

  @Transactional(readOnly = true)
  public Optional<AcmeAccount> byId(long id) {
    return accounts.findById(id);
  }

  /**
   * newAccount (RFC 8555 7.3): an existing account for the key is answered as it is; a new one
   * needs an unused EAB credential whose MAC binds the key (7.3.4).
   */
  @Transactional
  public Found create(SignedRequest request) {
    JsonNode payload = request.object();
    String thumbprint = AcmeJws.thumbprint(request.jwk());
    Optional<AcmeAccount> existing = accounts.findByKeyThumbprint(thumbprint);
    if (existing.isPresent()) {
      return new Found(existing.get(), false);
    }
    if (payload.path("onlyReturnExisting").asBoolean(false)) {
      throw new AcmeProblem(AcmeProblem.ACCOUNT_DOES_NOT_EXIST, 400, "no account has this key");
    }
    JsonNode binding = payload.get("externalAccountBinding");
    if (binding == null || binding.isNull()) {
      throw new AcmeProblem(
          AcmeProblem.EXTERNAL_ACCOUNT_REQUIRED, 403,
          "this CA requires external account binding: ask the CA for EAB credentials (kid and HMAC key)");
    }
    String kid = jws.eabKid(binding, request.url());
    EabCredential credential =
        credentials.findByKid(kid).orElseThrow(() -> AcmeProblem.unauthorized("unknown EAB key identifier " + kid));
    if (credential.getUsedAt() != null) {
      throw AcmeProblem.unauthorized("the EAB credentials " + kid + " were already used for an account");
    }
    byte[] key;
    try {
      key = Base64.getUrlDecoder().decode(credential.getHmacKey());
    } catch (IllegalArgumentException e) {
      throw new IllegalStateException("stored EAB key " + kid + " is not base64url", e);
    }
    jws.verifyEab(binding, key, request.jwk());
    AcmeAccount account =
        accounts.save(
            new AcmeAccount(
                thumbprint, AcmeJws.publicJson(request.jwk()), credential, contact(payload), clock.instant()));
    credential.usedFor(account.getId(), clock.instant());
    log.info("ACME account {} created with EAB {} for customer #{}", account.getId(), kid, account.getCustomerAccountId());
    return new Found(account, true);
  }

  /** Account update (RFC 8555 7.3.2) and deactivation (7.3.6). */
  @Transactional
  public AcmeAccount update(AcmeAccount signer, long accountId, SignedRequest request) {
    AcmeAccount account = own(signer, accountId);
    if (request.postAsGet()) {
      return account;
    }
    JsonNode payload = request.object();
    if (payload.has("contact")) {
      account.contact(contact(payload));
    }
    if (payload.has("status")) {
      if (!AcmeAccount.DEACTIVATED.equals(payload.get("status").asText())) {
        throw AcmeProblem.malformed("an account's status can only be changed to deactivated");
      }
      account.deactivate(clock.instant());
      log.info("ACME account {} deactivated by its holder", account.getId());
    }
    return accounts.save(account);
  }

  /**
   * keyChange (RFC 8555 7.3.5): the outer JWS by the old key, the inner by the new key naming
   * the account and the old key.
   */
  @Transactional
  public AcmeAccount changeKey(SignedRequest outer, AcmeUrls urls) {
    JsonNode innerJws = outer.object();
    String url = urls.keyChange();
    AcmeAccount account = outer.account();
    JWK newKey = jws.innerKey(innerJws, url);
    JsonNode inner = jws.innerPayload(innerJws);
    if (!inner.path("account").asText("").equals(urls.account(account.getId()))) {
      throw AcmeProblem.malformed("the inner payload's account must be this account's URL");
    }
    JWK oldKey = AcmeJws.parseJwk(inner.path("oldKey").toString());
    if (!AcmeJws.thumbprint(oldKey).equals(account.getKeyThumbprint())) {
      throw AcmeProblem.unauthorized("oldKey is not the account's current key");
    }
    String thumbprint = AcmeJws.thumbprint(newKey);
    Optional<AcmeAccount> taken = accounts.findByKeyThumbprint(thumbprint);
    if (taken.isPresent()) {
      throw new AcmeProblem(AcmeProblem.MALFORMED, 409, "another account already uses the new key");
    }
    account.changeKey(thumbprint, AcmeJws.publicJson(newKey));
    log.info("ACME account {} changed its key", account.getId());
    return accounts.save(account);
  }

  private AcmeAccount own(AcmeAccount signer, long accountId) {
    if (signer.getId() != accountId) {
      throw AcmeProblem.unauthorized("a request about an account must be signed by that account");
    }
    return accounts.findById(accountId).orElseThrow();
  }

  private static String contact(JsonNode payload) {
    JsonNode contact = payload.get("contact");
    if (contact == null || contact.isNull()) {
      return null;
    }
    if (!contact.isArray()) {
      throw AcmeProblem.malformed("contact must be an array of mailto: URLs");
    }
    List<String> values = new ArrayList<>();
    for (JsonNode c : contact) {
      String value = c.asText("");
      if (!c.isTextual() || !value.startsWith("mailto:") || value.length() > 320 || value.contains(",")) {
        throw new AcmeProblem("unsupportedContact", 400, "only mailto: contacts are accepted");
      }
      values.add(value);
    }
    String joined = String.join(",", values);
    if (joined.getBytes(StandardCharsets.UTF_8).length > 2000) {
      throw AcmeProblem.malformed("too many contacts");
    }
    return joined.isEmpty() ? null : joined;
  }
}
