package org.cabackoffice.domain;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Flow;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Asks a domain's registration data over RDAP (RFC 9082 query {@code <base>domain/<name>}, RFC
 * 9083 JSON). The registrant organization and the registrant, administrative and technical
 * e-mail addresses come from the entities' jCard (RFC 7095); a registry's {@code related} link
 * to the registrar's RDAP record is followed once, as WHOIS referrals are. Redaction (RFC 9537,
 * or "REDACTED FOR PRIVACY" values) leaves no registrant. The base URL is the configured one
 * ({@code backoffice.rdap.servers}), else IANA's bootstrap entry ({@link RdapBootstrap}).
 */
@Component
public class RdapLookup {

  private static final Logger log = LoggerFactory.getLogger(RdapLookup.class);

  public static final String SOURCE = "RDAP";

  private static final List<String> CONTACT_ROLES = List.of("registrant", "administrative", "technical");

  private final RdapProperties properties;
  private final RdapBootstrap bootstrap;
  private final ObjectMapper json;
  private final HttpClient http;
  private final ReferralPolicy referrals;

  public RdapLookup(
      RdapProperties properties, RdapBootstrap bootstrap, ObjectMapper json, ReferralPolicy referrals) {
    this.properties = properties;
    this.referrals = referrals;
    this.bootstrap = bootstrap;
    this.json = json;
    this.http =
        HttpClient.newBuilder()
            .connectTimeout(properties.timeout())
            .followRedirects(HttpClient.Redirect.NORMAL)
            .build();
  }

  /** Whether {@code backoffice.rdap.servers} names a base URL for the domain's suffix. */
  public boolean configuredFor(String domain) {
    return properties.baseUrlFor(domain).isPresent();
  }

  /** Whether a base URL is configured or IANA's bootstrap file lists one. */
  public boolean serves(String domain) {
    return baseUrlFor(domain).isPresent();
  }

  private Optional<String> baseUrlFor(String domain) {
    return properties.baseUrlFor(domain).or(() -> bootstrap.baseUrlFor(domain));
  }

  /**
   * @param domain a name in {@link DomainName#normalize} form
   * @throws RegistryUnavailableException no base URL, unreachable, timeout, 429 or other error
   *     status, oversized or unreadable answer
   */
  public RegistryAnswer lookup(String domain) {
    return LookupTimings.timed("rdap", () -> lookupUnmeasured(domain));
  }

  private RegistryAnswer lookupUnmeasured(String domain) {
    String base =
        baseUrlFor(domain)
            .orElseThrow(
                () ->
                    new RegistryUnavailableException(
                        "no RDAP server for ." + WhoisLookup.tldOf(domain)
                            + " (neither backoffice.rdap.servers nor IANA's bootstrap file)"));
    String url = base + "domain/" + domain;
    RegistryAnswer answer = ask(url);
    String related = relatedDomainLink(answer, url);
    if (!answer.record().registered() || related == null) {
      return answer;
    }
    String refusal = refusalOf(related);
    if (refusal != null) {
      return withoutReferral(url, answer, new RegistryAnswer.FailedReferral(related, refusal));
    }
    RegistryAnswer registrar;
    try {
      registrar = ask(related);
    } catch (RegistryUnavailableException e) {
      return withoutReferral(url, answer, new RegistryAnswer.FailedReferral(related, e.getMessage()));
    }
    if (!registrar.record().registered()) {
      // The registry says it exists, the registrar does not know it: keep the registry's word.
      return answer.withFailedReferral(
          new RegistryAnswer.FailedReferral(related, "the registrar's server has no record of " + domain));
    }
    return new RegistryAnswer(
        SOURCE,
        registrar.server(),
        registrar.response(),
        WhoisLookup.expiryOfTheRegistry(registrar.record(), answer.record()),
        answer);
  }

  /**
   * The registry's own answer when its {@code related} link failed: usable if it names the
   * registrant, else no result (retried, then an incident), as for WHOIS referrals.
   */
  private static RegistryAnswer withoutReferral(
      String url, RegistryAnswer answer, RegistryAnswer.FailedReferral failed) {
    if (answer.record().registrantNames().isEmpty()) {
      throw new RegistryUnavailableException(
          url + " names no registrant, and its link to the registrar's record " + failed.server()
              + " failed: " + failed.reason());
    }
    // Expected in daily work (a registrar's server down or slow): no stack, the evidence keeps it.
    log.info(
        "RDAP {}: link to {} failed ({}); the registry's answer names the registrant",
        url, failed.server(), failed.reason());
    return answer.withFailedReferral(failed);
  }

  private RegistryAnswer ask(String url) {
    HttpRequest request;
    try {
      request =
          HttpRequest.newBuilder(URI.create(url))
              .timeout(properties.timeout())
              .header("Accept", "application/rdap+json, application/json")
              .GET()
              .build();
    } catch (IllegalArgumentException e) {
      throw new RegistryUnavailableException(url + ": not a usable RDAP URL", e);
    }
    // The request timeout ends when the headers arrive; a server dripping its body would hold
    // the job for ever, so the whole exchange, body included, has the same deadline.
    int max = properties.maxAnswerBytes();
    CompletableFuture<HttpResponse<byte[]>> exchange =
        http.sendAsync(request, info -> new CappedBody(max));
    HttpResponse<byte[]> response;
    try {
      response = exchange.get(properties.timeout().toMillis(), TimeUnit.MILLISECONDS);
    } catch (TimeoutException e) {
      exchange.cancel(true);
      throw new RegistryUnavailableException(
          url + ": the RDAP answer took longer than " + properties.timeout(), e);
    } catch (InterruptedException e) {
      exchange.cancel(true);
      Thread.currentThread().interrupt();
      throw new RegistryUnavailableException(url + ": interrupted", e);
    } catch (ExecutionException e) {
      Throwable cause = e.getCause();
      if (cause instanceof AnswerTooLarge) {
        throw new RegistryUnavailableException(
            url + ": the RDAP answer exceeds " + max + " bytes; refused", cause);
      }
      if (cause instanceof HttpTimeoutException) {
        throw new RegistryUnavailableException(url + ": RDAP server timed out", cause);
      }
      throw new RegistryUnavailableException(
          url + ": RDAP server unreachable ("
              + (cause.getMessage() != null ? cause.getMessage() : cause.getClass().getSimpleName())
              + ")",
          cause);
    }
    String body = new String(response.body(), StandardCharsets.UTF_8); // RFC 9083: UTF-8
    int status = response.statusCode();
    if (status == 404) {
      return new RegistryAnswer(SOURCE, url, body, RegistrationRecord.notRegistered(), null);
    }
    if (status == 429) {
      throw new RegistryUnavailableException(url + ": RDAP server rate limit (HTTP 429)");
    }
    if (status != 200) {
      throw new RegistryUnavailableException(url + ": RDAP server answered HTTP " + status);
    }
    JsonNode root;
    try {
      root = json.readTree(body);
    } catch (JsonProcessingException e) {
      throw new RegistryUnavailableException(url + ": the RDAP answer is not JSON", e);
    }
    if (root == null || !"domain".equals(root.path("objectClassName").asText())) {
      throw new RegistryUnavailableException(url + ": the RDAP answer is no domain object");
    }
    return new RegistryAnswer(SOURCE, url, body, record(root), null);
  }

  /** A body too large to keep: the subscriber stops reading at one byte over the cap. */
  private static final class AnswerTooLarge extends IOException {
    AnswerTooLarge() {
      super("answer too large");
    }
  }

  /** Collects a response body of at most {@code max} bytes and cancels the stream beyond. */
  private static final class CappedBody implements HttpResponse.BodySubscriber<byte[]> {
    private final int max;
    private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    private final CompletableFuture<byte[]> body = new CompletableFuture<>();
    private Flow.Subscription subscription;

    CappedBody(int max) {
      this.max = max;
    }

    @Override
    public void onSubscribe(Flow.Subscription subscription) {
      this.subscription = subscription;
      subscription.request(Long.MAX_VALUE);
    }

    @Override
    public void onNext(List<ByteBuffer> buffers) {
      if (body.isDone()) {
        return;
      }
      for (ByteBuffer buffer : buffers) {
        if (bytes.size() + buffer.remaining() > max) {
          subscription.cancel();
          body.completeExceptionally(new AnswerTooLarge());
          return;
        }
        byte[] chunk = new byte[buffer.remaining()];
        buffer.get(chunk);
        bytes.write(chunk, 0, chunk.length);
      }
    }

    @Override
    public void onError(Throwable error) {
      body.completeExceptionally(error);
    }

    @Override
    public void onComplete() {
      body.complete(bytes.toByteArray());
    }

    @Override
    public CompletionStage<byte[]> getBody() {
      return body;
    }
  }

  static RegistrationRecord record(JsonNode root) {
    List<String> names = new ArrayList<>();
    Set<String> seen = new LinkedHashSet<>();
    List<String> emails = new ArrayList<>();
    boolean redacted = false;
    List<JsonNode> entities = new ArrayList<>();
    collectEntities(root.path("entities"), entities);
    for (String role : CONTACT_ROLES) {
      for (JsonNode entity : entities) {
        if (!hasRole(entity, role)) {
          continue;
        }
        JsonNode vcard = entity.path("vcardArray").path(1);
        if (role.equals("registrant")) {
          String org = vcardValue(vcard, "org");
          if (org == null && "org".equals(vcardValue(vcard, "kind"))) {
            org = vcardValue(vcard, "fn"); // an organization's vCard names it in fn
          }
          if (org != null && WhoisRecordParser.isRedacted(org)) {
            redacted = true;
          } else if (org != null && !org.isBlank() && !names.contains(org)) {
            names.add(org);
          }
        }
        for (JsonNode property : vcard) {
          if ("email".equals(property.path(0).asText())) {
            String email = property.path(3).asText("").strip();
            if (email.contains("@") && !WhoisRecordParser.isRedacted(email)
                && seen.add(email.toLowerCase(Locale.ROOT))) {
              emails.add(email);
            }
          }
        }
      }
    }
    // RFC 9537: the server lists what it removed; a removed registrant organization is redaction.
    for (JsonNode r : root.path("redacted")) {
      if (r.path("name").path("type").asText("").toLowerCase(Locale.ROOT).contains("registrant")) {
        redacted = true;
      }
    }
    return new RegistrationRecord(true, names, emails, redacted && names.isEmpty(), null, expiration(root));
  }

  /** RFC 9083 4.5: the date of the "expiration" event, or null. */
  private static LocalDate expiration(JsonNode root) {
    for (JsonNode event : root.path("events")) {
      if ("expiration".equalsIgnoreCase(event.path("eventAction").asText(""))) {
        return WhoisRecordParser.date(event.path("eventDate").asText(""));
      }
    }
    return null;
  }

  private static void collectEntities(JsonNode list, List<JsonNode> into) {
    for (JsonNode entity : list) {
      into.add(entity);
      collectEntities(entity.path("entities"), into);
    }
  }

  private static boolean hasRole(JsonNode entity, String role) {
    for (JsonNode r : entity.path("roles")) {
      if (role.equalsIgnoreCase(r.asText())) {
        return true;
      }
    }
    return false;
  }

  /** A jCard property's text value; a structured value (org with units) gives its first part. */
  private static String vcardValue(JsonNode vcard, String name) {
    for (JsonNode property : vcard) {
      if (name.equals(property.path(0).asText())) {
        JsonNode value = property.path(3);
        String text = value.isArray() ? value.path(0).asText("") : value.asText("");
        return text.strip();
      }
    }
    return null;
  }

  /**
   * Why the registrar's link may not be followed ({@link ReferralPolicy}), or null when it may.
   * The HTTP client resolves the host again when it connects; the check still keeps links that
   * name private hosts or addresses outright from being followed.
   */
  private String refusalOf(String related) {
    String host;
    try {
      URI uri = URI.create(related);
      host = uri.getHost();
      if (host == null || !("https".equals(uri.getScheme()) || "http".equals(uri.getScheme()))) {
        return "not an http(s) URL with a host";
      }
    } catch (IllegalArgumentException e) {
      return "not a URL";
    }
    try {
      referrals.addressFor(host.startsWith("[") ? host.substring(1, host.length() - 1) : host);
      return null;
    } catch (ReferralPolicy.ReferralRefusedException | RegistryUnavailableException e) {
      return e.getMessage();
    }
  }

  /** A registry's link to the registrar's record of the same domain (rel "related"). */
  private String relatedDomainLink(RegistryAnswer answer, String queried) {
    if (!SOURCE.equals(answer.source())) {
      return null;
    }
    try {
      JsonNode root = json.readTree(answer.response());
      for (JsonNode link : root.path("links")) {
        String href = link.path("href").asText("");
        String type = link.path("type").asText("");
        if ("related".equals(link.path("rel").asText())
            && (type.isEmpty() || type.contains("rdap+json"))
            && href.contains("/domain/")
            && !href.equals(queried)) {
          return href;
        }
      }
    } catch (JsonProcessingException e) {
      return null;
    }
    return null;
  }
}
