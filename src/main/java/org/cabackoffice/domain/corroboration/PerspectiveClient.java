package org.cabackoffice.domain.corroboration;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.TrustManagerFactory;

/**
 * The primary's side of the channel to its remote perspectives: HTTPS with the primary's client
 * certificate, trusting only the perspective CA's trust store, TLS 1.3 (BR 3.2.2.9: "authenticated
 * and encrypted channel relying on modern protocols"). The host name in each perspective's URL is
 * checked against its server certificate as for any HTTPS peer.
 */
public class PerspectiveClient {

  private final HttpClient http;
  private final ObjectMapper json = new ObjectMapper();
  private final Duration timeout;

  public PerspectiveClient(MpicProperties.Tls tls, Duration timeout) {
    this.timeout = timeout;
    SSLParameters parameters = new SSLParameters();
    parameters.setProtocols(new String[] {"TLSv1.3"});
    this.http =
        HttpClient.newBuilder()
            .sslContext(sslContext(tls))
            .sslParameters(parameters)
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(timeout)
            .build();
  }

  /** POSTs {@code question} as JSON to {@code path} under the perspective's URL. */
  public <T> CompletableFuture<T> ask(String baseUrl, String path, Object question, Class<T> answerType) {
    String body;
    try {
      body = json.writeValueAsString(question);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    URI uri = URI.create(baseUrl.endsWith("/") ? baseUrl : baseUrl + "/").resolve(path);
    HttpRequest request =
        HttpRequest.newBuilder(uri)
            .timeout(timeout)
            .header("Content-Type", "application/json")
            .header("Accept", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString(body))
            .build();
    return http.sendAsync(request, HttpResponse.BodyHandlers.ofString())
        .thenApply(
            response -> {
              if (response.statusCode() != 200) {
                throw new PerspectiveAnswerException(
                    "answered HTTP " + response.statusCode() + " " + cut(response.body()));
              }
              try {
                return json.readValue(response.body(), answerType);
              } catch (IOException e) {
                throw new PerspectiveAnswerException("answered what is not " + answerType.getSimpleName());
              }
            })
        .orTimeout(timeout.toMillis(), java.util.concurrent.TimeUnit.MILLISECONDS);
  }

  private static String cut(String text) {
    return text == null ? "" : text.length() > 200 ? text.substring(0, 200) + "…" : text;
  }

  static SSLContext sslContext(MpicProperties.Tls tls) {
    if (tls == null || blank(tls.keyStore()) || blank(tls.trustStore())) {
      throw new IllegalStateException(
          "backoffice.mpic.tls.key-store and trust-store must name PKCS#12 files: the primary talks to"
              + " its perspectives only over mutually authenticated TLS (BR 3.2.2.9)");
    }
    try {
      KeyStore keys = load(tls.keyStore(), tls.keyStorePassword());
      KeyManagerFactory keyManagers = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
      keyManagers.init(keys, password(tls.keyStorePassword()));
      KeyStore trusted = load(tls.trustStore(), tls.trustStorePassword());
      TrustManagerFactory trustManagers =
          TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
      trustManagers.init(trusted);
      SSLContext context = SSLContext.getInstance("TLSv1.3");
      context.init(keyManagers.getKeyManagers(), trustManagers.getTrustManagers(), null);
      return context;
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("backoffice.mpic.tls: " + e.getMessage(), e);
    }
  }

  private static boolean blank(String text) {
    return text == null || text.isBlank();
  }

  private static KeyStore load(String path, String password) throws GeneralSecurityException {
    try (InputStream in = Files.newInputStream(Path.of(path))) {
      KeyStore store = KeyStore.getInstance("PKCS12");
      store.load(in, password(password));
      return store;
    } catch (IOException e) {
      throw new IllegalStateException("backoffice.mpic.tls: cannot read " + path + ": " + e.getMessage(), e);
    }
  }

  private static char[] password(String password) {
    return password == null ? new char[0] : password.toCharArray();
  }

  /** A perspective answered, but not with an observation. */
  static class PerspectiveAnswerException extends RuntimeException {
    PerspectiveAnswerException(String message) {
      super(message);
    }
  }
}
