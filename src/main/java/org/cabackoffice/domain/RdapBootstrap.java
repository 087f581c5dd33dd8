package org.cabackoffice.domain;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.io.Resource;
import org.springframework.core.io.ResourceLoader;
import org.springframework.stereotype.Component;

/**
 * IANA's RDAP bootstrap file for DNS (RFC 9224, published at https://data.iana.org/rdap/dns.json):
 * which RDAP base URL serves a TLD. Read once at start from {@code backoffice.rdap.bootstrap};
 * the shipped snapshot is {@code classpath:iana/rdap-dns.json} (see its README for refreshing).
 * A file that is not a version 1.0 bootstrap file stops the start: guessing would send
 * registration queries, and the evidence they become, to the wrong place.
 */
@Component
public class RdapBootstrap {

  private static final Logger log = LoggerFactory.getLogger(RdapBootstrap.class);

  private final String publication;
  private final Map<String, String> baseUrls;

  @Autowired
  public RdapBootstrap(RdapProperties properties, ResourceLoader resources, ObjectMapper json) {
    this(load(properties.bootstrap(), resources, json));
    if (publication != null) {
      log.info(
          "RDAP bootstrap {} published {}: {} domain suffixes",
          properties.bootstrap(),
          publication,
          baseUrls.size());
    }
  }

  private RdapBootstrap(RdapBootstrap read) {
    this(read.publication, read.baseUrls);
  }

  RdapBootstrap(String publication, Map<String, String> baseUrls) {
    this.publication = publication;
    this.baseUrls = Map.copyOf(baseUrls);
  }

  /** No bootstrap: only configured RDAP servers are asked. */
  static RdapBootstrap none() {
    return new RdapBootstrap(null, Map.of());
  }

  /** The file's "publication" date-time as written, or null without a file. */
  public String publication() {
    return publication;
  }

  /**
   * The base URL (ending in "/") for a normalized domain: the entry matching the most labels from
   * the right wins (RFC 9224 section 4), so an entry for {@code co.uk} beats one for {@code uk}.
   */
  public Optional<String> baseUrlFor(String domain) {
    String suffix = domain;
    while (true) {
      String url = baseUrls.get(suffix);
      if (url != null) {
        return Optional.of(url);
      }
      int dot = suffix.indexOf('.');
      if (dot < 0) {
        return Optional.empty();
      }
      suffix = suffix.substring(dot + 1);
    }
  }

  private static RdapBootstrap load(String location, ResourceLoader resources, ObjectMapper json) {
    if (location == null || location.isBlank()) {
      return none();
    }
    Resource resource = resources.getResource(location);
    try (InputStream in = resource.getInputStream()) {
      return parse(json.readTree(in), location);
    } catch (IOException e) {
      throw new IllegalStateException(
          "backoffice.rdap.bootstrap: cannot read " + location + " (" + e.getMessage() + ")", e);
    }
  }

  static RdapBootstrap parse(JsonNode root, String location) {
    if (root == null || !"1.0".equals(root.path("version").asText())) {
      throw new IllegalStateException(
          location + " is no RDAP bootstrap file: RFC 9224 section 3 requires \"version\": \"1.0\"");
    }
    JsonNode services = root.path("services");
    if (!services.isArray()) {
      throw new IllegalStateException(location + " has no \"services\" array (RFC 9224 section 3)");
    }
    Map<String, String> urls = new HashMap<>();
    for (JsonNode service : services) {
      JsonNode entries = service.path(0);
      String base = httpsUrl(service.path(1));
      if (!entries.isArray() || !service.path(1).isArray()) {
        throw new IllegalStateException(
            location + ": a service is not [[entries], [URLs]] (RFC 9224 section 3): " + service);
      }
      if (base == null) {
        continue; // registration data over plain HTTP could be altered on the way (RFC 7481)
      }
      for (JsonNode entry : entries) {
        String suffix = entry.asText("").strip().toLowerCase(Locale.ROOT);
        if (!suffix.isEmpty()) {
          urls.putIfAbsent(suffix, base);
        }
      }
    }
    String publication = root.path("publication").asText(null);
    return new RdapBootstrap(publication, urls);
  }

  /**
   * The first HTTPS URL of a service; a base URL ends in "/" because RFC 9082 paths are appended
   * to it (RFC 9224 section 3), which a missing slash would silently break.
   */
  private static String httpsUrl(JsonNode urls) {
    for (JsonNode url : urls) {
      String text = url.asText("").strip();
      if (text.regionMatches(true, 0, "https://", 0, 8)) {
        return text.endsWith("/") ? text : text + "/";
      }
    }
    return null;
  }
}
