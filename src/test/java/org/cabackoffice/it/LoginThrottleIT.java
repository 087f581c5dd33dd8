package org.cabackoffice.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.CookieManager;
import java.net.HttpCookie;
import java.net.InetAddress;
import java.net.Socket;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import org.cabackoffice.security.camunda.StaffGroups;
import org.camunda.bpm.engine.identity.User;
import org.junit.jupiter.api.Test;
import java.util.Map;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

/**
 * Password guessing is refused cheaply and for a while: after 10 failed logins of an account
 * (HTTP Basic or the web apps' login form) or 60 from one address (30 outside these tests), logins
 * are answered 429 with
 * Retry-After before any password check, until the cooling period (3 s here) has passed.
 */
class LoginThrottleIT extends BackOfficeIT {

  private static final String PASSWORD = "right-password";

  @Test
  void tenWrongPasswordsSuspendAnAccountForTheCoolingPeriodOnly() throws Exception {
    String officer = staff("guessedOfficer");
    for (int i = 0; i < 10; i++) {
      ResponseEntity<String> wrong = as(officer, "guess-" + i).getForEntity("/api/applications", String.class);
      assertThat(wrong.getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
    }
    ResponseEntity<String> refused = as(officer, PASSWORD).getForEntity("/api/applications", String.class);
    assertThat(refused.getStatusCode()).isEqualTo(HttpStatus.TOO_MANY_REQUESTS);
    assertThat(refused.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
    long retryAfter = Long.parseLong(refused.getHeaders().getFirst(HttpHeaders.RETRY_AFTER));
    assertThat(retryAfter).isBetween(1L, 3L);
    assertThat(refused.getBody()).contains("too many failed logins");
    // The engine REST API and the web apps' login form share the count.
    assertThat(as(officer, PASSWORD).getForEntity("/engine-rest/task", String.class).getStatusCode())
        .isEqualTo(HttpStatus.TOO_MANY_REQUESTS);
    assertThat(webappLogin(officer, PASSWORD).statusCode()).isEqualTo(429);

    Thread.sleep(retryAfter * 1000 + 200);
    // The engine has not locked the officer out for good either (Camunda would after 10).
    assertThat(as(officer, PASSWORD).getForEntity("/api/applications", String.class).getStatusCode())
        .isEqualTo(HttpStatus.OK);
  }

  @Test
  void theRightPasswordStartsTheCountAgain() {
    String officer = staff("forgetfulOfficer");
    for (int round = 0; round < 2; round++) {
      for (int i = 0; i < 9; i++) {
        assertThat(as(officer, "typo").getForEntity("/api/applications", String.class).getStatusCode())
            .isEqualTo(HttpStatus.UNAUTHORIZED);
      }
      assertThat(as(officer, PASSWORD).getForEntity("/api/applications", String.class).getStatusCode())
          .isEqualTo(HttpStatus.OK);
    }
  }

  @Test
  void theWebappLoginFormIsCountedToo() throws Exception {
    String officer = staff("tasklistOfficer");
    for (int i = 0; i < 10; i++) {
      assertThat(webappLogin(officer, "guess-" + i).statusCode()).isEqualTo(401);
    }
    HttpResponse<String> refused = webappLogin(officer, PASSWORD);
    assertThat(refused.statusCode()).isEqualTo(429);
    assertThat(refused.headers().firstValue("Retry-After")).isPresent();
    assertThat(refused.headers().firstValue("Content-Type")).hasValue("application/problem+json");
    assertThat(as(officer, PASSWORD).getForEntity("/api/applications", String.class).getStatusCode())
        .isEqualTo(HttpStatus.TOO_MANY_REQUESTS);
  }

  @Test
  void anAddressGuessingAtManyAccountsIsSuspended() throws Exception {
    // Linux answers for all of 127/8: a second source address for this test alone.
    InetAddress guesser = InetAddress.getByName("127.0.0.2");
    for (int i = 0; i < 60; i++) {
      assertThat(statusFrom(guesser, "nobody-" + i, "guess")).isEqualTo(401);
    }
    assertThat(statusFrom(guesser, "officer", "officer")).isEqualTo(429);
    assertThat(statusFrom(InetAddress.getByName("127.0.0.1"), "officer", "officer")).isEqualTo(200);
  }

  /** A validation officer of this test alone, so no other test meets its suspension. */
  private String staff(String id) {
    User user = identity.newUser(id);
    user.setPassword(PASSWORD);
    identity.saveUser(user);
    identity.createMembership(id, StaffGroups.VALIDATION_OFFICERS);
    return id;
  }

  private int port() {
    return URI.create(http.getRootUri()).getPort();
  }

  /** GET /api/applications with HTTP Basic over a socket bound to the given source address. */
  private int statusFrom(InetAddress source, String user, String password) throws IOException {
    try (Socket socket = new Socket(InetAddress.getByName("127.0.0.1"), port(), source, 0)) {
      String credentials =
          Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
      OutputStream out = socket.getOutputStream();
      out.write(
          ("GET /api/applications HTTP/1.1\r\nHost: localhost\r\nAuthorization: Basic "
                  + credentials
                  + "\r\nConnection: close\r\n\r\n")
              .getBytes(StandardCharsets.US_ASCII));
      out.flush();
      InputStream in = socket.getInputStream();
      ByteArrayOutputStream statusLine = new ByteArrayOutputStream();
      for (int b = in.read(); b != '\n' && b >= 0; b = in.read()) {
        statusLine.write(b);
      }
      return Integer.parseInt(statusLine.toString(StandardCharsets.US_ASCII).split(" ")[1]);
    }
  }

  /** What Tasklist's login page does: fetch a CSRF token, then post the form. */
  @Test
  void credentialsTheThrottleCannotAttributeAreRefused() throws Exception {
    // Jersey reads form fields from the query string too: the throttle saw no account there.
    assertThat(webappLogin("", "", "?username=" + staff("query") + "&password=wrong", "application/x-www-form-urlencoded").statusCode())
        .isEqualTo(400);
    assertThat(webappLogin(staff("utf16"), "wrong", "", "application/x-www-form-urlencoded; charset=UTF-16").statusCode())
        .isEqualTo(400);
  }

  @Test
  void theEnginesPasswordCheckIsNoGuessingOracle() {
    ResponseEntity<String> officer =
        as("officer", "officer")
            .postForEntity("/engine-rest/identity/verify", Map.of("username", "admin", "password", "guess"), String.class);
    assertThat(officer.getStatusCode().value()).isEqualTo(403);
    ResponseEntity<String> admin =
        as("admin", "admin")
            .postForEntity("/engine-rest/identity/verify", Map.of("username", "officer", "password", "officer"), String.class);
    assertThat(admin.getStatusCode().value()).isEqualTo(200);
  }

  private HttpResponse<String> webappLogin(String user, String password) throws Exception {
    return webappLogin(user, password, "", "application/x-www-form-urlencoded");
  }

  private HttpResponse<String> webappLogin(String user, String password, String query, String contentType)
      throws Exception {
    CookieManager cookies = new CookieManager();
    HttpClient client = HttpClient.newBuilder().cookieHandler(cookies).build();
    String root = http.getRootUri();
    client.send(
        HttpRequest.newBuilder(URI.create(root + "/camunda/app/tasklist/")).GET().build(),
        HttpResponse.BodyHandlers.discarding());
    String token =
        cookies.getCookieStore().getCookies().stream()
            .filter(c -> c.getName().equals("XSRF-TOKEN"))
            .map(HttpCookie::getValue)
            .findFirst()
            .orElseThrow(() -> new AssertionError("no XSRF-TOKEN cookie from the web app"));
    String form =
        "username="
            + URLEncoder.encode(user, StandardCharsets.UTF_8)
            + "&password="
            + URLEncoder.encode(password, StandardCharsets.UTF_8);
    return client.send(
        HttpRequest.newBuilder(URI.create(root + "/camunda/api/admin/auth/user/default/login/tasklist" + query))
            .header("Content-Type", contentType)
            .header("X-XSRF-TOKEN", token)
            .header("Origin", root)
            .POST(HttpRequest.BodyPublishers.ofString(user.isEmpty() ? "" : form))
            .build(),
        HttpResponse.BodyHandlers.ofString());
  }
}
