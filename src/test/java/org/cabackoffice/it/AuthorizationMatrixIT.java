package org.cabackoffice.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import jakarta.servlet.http.HttpServletRequest;
import org.cabackoffice.testsupport.Bounded;
import org.cabackoffice.testsupport.CsrFactory;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.authorization.AuthorizationManager;
import org.springframework.security.authorization.AuthorizationResult;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.intercept.AuthorizationFilter;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

/**
 * Who may call what, from one table (issue 13): every address Spring MVC maps, as every role and
 * as a stranger, against the owner roles the README's API table promises. The addresses are read
 * from Spring's {@link RequestMappingHandlerMapping}, so a new endpoint without a row here fails
 * this test with the row to add: its owner has to say who may call it.
 *
 * <p>A cell is the status class the caller gets for the request this test sends (an empty JSON
 * object as the body of a write, unknown ids where the row's path has no fixture):
 *
 * <ul>
 *   <li>{@code 2xx}: let through and answered;
 *   <li>{@code 4xx}: let through, and refused for the input (400, 404, 405, 409, 413, 415), never
 *       for who the caller is;
 *   <li>{@code 401}: a stranger, asked to log in;
 *   <li>{@code 403}: logged in, but the role may not.
 * </ul>
 *
 * No cell may be a 5xx. {@code /engine-rest} is covered by a few representative operations;
 * {@link EngineOperationsWalkIT} walks every one of its operations as every role.
 */
class AuthorizationMatrixIT extends BackOfficeIT {

  /**
   * One row per method and path. A path variable is replaced by the fixture of its name (see
   * {@link #fixtures}), anything else by an id nobody has. {@code ANY}: a mapping for every
   * method, called with GET.
   */
  private static final String MATRIX =
      """
      # method path                                              anonymous customer officer senior  auditor operator admin
      POST    /api/applications                                  401       4xx      403     403     403     403      403
      GET     /api/applications                                  401       2xx      2xx     2xx     2xx     2xx      2xx
      GET     /api/applications/{id}                             401       2xx      2xx     2xx     2xx     2xx      2xx
      GET     /api/applications/{id}/dns-challenges              401       2xx      2xx     2xx     2xx     403      403
      GET     /api/applications/{id}/domain-validation-method    401       2xx      2xx     2xx     2xx     403      403
      PUT     /api/applications/{id}/domain-validation-method    401       4xx      403     403     403     403      403
      GET     /api/applications/{id}/timeline                    401       403      2xx     2xx     2xx     403      403
      GET     /api/applications/{id}/timeline.csv                401       403      2xx     2xx     2xx     403      403
      GET     /api/applications/{applicationId}/invoice          401       403      2xx     2xx     2xx     403      403
      POST    /api/applications/{applicationId}/payments         401       403      4xx     4xx     403     403      403
      GET     /api/applications/{applicationId}/documents        401       403      2xx     2xx     2xx     403      403
      GET     /api/applications/{id}/quote.pdf                   401       2xx      2xx     2xx     2xx     403      403
      GET     /api/applications/{id}/invoice.pdf                 401       2xx      2xx     2xx     2xx     403      403
      GET     /api/applications/{id}/receipt.pdf                 401       4xx      4xx     4xx     4xx     403      403
      GET     /api/applications/{id}/delivery-note.pdf           401       4xx      4xx     4xx     4xx     403      403
      POST    /api/quotes                                        401       4xx      4xx     4xx     403     403      403
      POST    /api/coupons                                       401       403      403     403     403     4xx      403
      GET     /api/coupons                                       401       403      403     403     2xx     2xx      403
      POST    /api/applications/{applicationId}/coupon           401       4xx      4xx     4xx     403     403      403
      GET     /api/documents/{documentId}/content                401       403      4xx     4xx     4xx     403      403
      POST    /api/csr/check                                     401       4xx      4xx     4xx     403     403      403
      GET     /api/domain-checks/{domain}                        401       403      2xx     2xx     403     403      403
      GET     /api/key-blocklist                                 401       403      2xx     2xx     2xx     403      403
      POST    /api/key-blocklist                                 401       403      4xx     4xx     403     403      403
      POST    /api/bank-statements                               401       403      4xx     4xx     403     4xx      403
      GET     /api/bank-statements                               401       403      2xx     2xx     2xx     2xx      403
      GET     /api/bank-statements/{importId}                    401       403      4xx     4xx     4xx     4xx      403
      GET     /api/bank-statements/{importId}/lines              401       403      4xx     4xx     4xx     4xx      403
      GET     /api/organization-directory                        401       403      4xx     4xx     4xx     403      403
      GET     /api/organization-directory/{id}                   401       403      4xx     4xx     4xx     403      403
      POST    /api/organization-directory/{id}/corrections       401       403      4xx     4xx     403     403      403
      POST    /api/organization-directory/{id}/trade-names       401       403      4xx     4xx     403     403      403
      POST    /api/organization-directory/imports                401       403      403     403     403     4xx      403
      GET     /api/organization-directory/imports                401       403      2xx     2xx     2xx     2xx      403
      GET     /api/organization-directory/imports/{importId}     401       403      4xx     4xx     4xx     4xx      403
      POST    /api/certificates/import                           401       403      403     403     403     403      4xx
      GET     /api/certificates/{serial}                         401       4xx      4xx     4xx     4xx     403      403
      POST    /api/certificates/{serial}/revocations             401       4xx      4xx     4xx     403     403      403
      GET     /api/revocations/{id}                              401       4xx      4xx     4xx     4xx     403      403
      GET     /api/crls                                          401       403      403     403     2xx     2xx      2xx
      # Issue 9: the certificates the root signed; a CA certificate's revocation with four eyes.
      GET     /api/ca-certificates                               401       403      403     2xx     2xx     2xx      2xx
      POST    /api/ca-certificates                               401       403      403     403     403     4xx      403
      POST    /api/ca-certificates/{serial}/revocation           401       403      403     4xx     403     4xx      403
      POST    /api/ca-certificates/{serial}/revocation/confirmation 401    403      403     4xx     403     4xx      403
      POST    /api/ca-certificates/{serial}/revocation/decline   401       403      403     4xx     403     4xx      403
      POST    /api/applications/{applicationId}/documents        401       403      4xx     4xx     403     403      403
      GET     /team/organization-directory                       401       403      2xx     2xx     2xx     403      403
      GET     /team/organization-directory/{id}                  401       403      4xx     4xx     4xx     403      403
      POST    /team/organization-directory/{id}/corrections      403       403      403     403     403     403      403
      GET     /team/crls                                         401       403      2xx     2xx     2xx     2xx      2xx
      GET     /team/crls/{id}.crl                                401       403      4xx     4xx     4xx     4xx      4xx
      GET     /team/board                                        401       403      2xx     2xx     403     403      403
      GET     /public/problem-reports                            2xx       2xx      2xx     2xx     2xx     2xx      2xx
      POST    /public/problem-reports                            4xx       4xx      4xx     4xx     4xx     4xx      4xx
      POST    /public/problem-reports/challenges                 4xx       4xx      4xx     4xx     4xx     4xx      4xx
      GET     /api/mail/outbox                                   401       403      403     403     2xx     2xx      2xx
      POST    /api/mail/outbox/{id}/retry                        401       403      403     403     403     4xx      4xx
      GET     /api/dev/mails                                     401       403      403     403     403     403      2xx
      GET     /public/domain-consent/{token}                     4xx       4xx      4xx     4xx     4xx     4xx      4xx
      POST    /public/domain-consent/{token}                     4xx       4xx      4xx     4xx     4xx     4xx      4xx
      GET     /public/documents/{token}                          4xx       4xx      4xx     4xx     4xx     4xx      4xx
      POST    /public/documents/{token}                          4xx       4xx      4xx     4xx     4xx     4xx      4xx
      GET     /crl/issuing-ca/{shard}.crl                        4xx       4xx      4xx     4xx     4xx     4xx      4xx
      GET     /crl/root-ca.crl                                   2xx       2xx      2xx     2xx     2xx     2xx      2xx
      GET     /ocsp/**                                           2xx       2xx      2xx     2xx     2xx     2xx      2xx
      POST    /ocsp                                              2xx       2xx      2xx     2xx     2xx     2xx      2xx
      GET     /ca/audit-key.crt                                  2xx       2xx      2xx     2xx     2xx     2xx      2xx
      GET     /api/audit-log/verification                        401       403      403     403     2xx     2xx      2xx
      GET     /audit/applications                                401       403      403     403     2xx     403      2xx
      GET     /audit/applications/{id}                           401       403      403     403     4xx     403      4xx
      GET     /audit/applications/{id}/evidence.zip              401       403      403     403     4xx     403      4xx
      GET     /audit/applications/{id}/timeline.csv              401       403      403     403     4xx     403      4xx
      GET     /audit/applications/{id}/timeline.json             401       403      403     403     4xx     403      4xx
      GET     /audit/timeline.csv                                401       403      403     403     4xx     403      4xx
      GET     /audit/timeline.json                               401       403      403     403     4xx     403      4xx
      GET     /audit/evidence.zip                                401       403      403     403     4xx     403      4xx
      GET     /audit/audit-log                                   401       403      403     403     2xx     403      2xx
      GET     /operations/models                                 401       403      403     403     2xx     2xx      2xx
      GET     /operations/model-changes/{id}                     401       403      403     403     4xx     4xx      4xx
      POST    /operations/model-changes                          403       403      403     403     403     403      403
      POST    /operations/model-changes/{id}/approval            403       403      403     403     403     403      403
      POST    /operations/model-changes/{id}/refusal             403       403      403     403     403     403      403
      POST    /operations/rollbacks                              403       403      403     403     403     403      403
      GET     /ca/root-ca.crt                                    2xx       2xx      2xx     2xx     2xx     2xx      2xx
      GET     /ca/issuing-ca.crt                                 2xx       2xx      2xx     2xx     2xx     2xx      2xx
      ANY     /error                                             401       403      403     403     403     403      403
      # ACME (RFC 8555): anonymous at the HTTP level, each POST authenticated by its JWS (an EAB-bound
      # account's key, or the certificate's for revocation), so every caller gets the same answer;
      # the matrix's JSON body is no JWS (415). AcmeConformanceIT checks the JWS side.
      GET     /acme/directory                                    2xx       2xx      2xx     2xx     2xx     2xx      2xx
      GET     /acme/new-nonce                                    2xx       2xx      2xx     2xx     2xx     2xx      2xx
      HEAD    /acme/new-nonce                                    2xx       2xx      2xx     2xx     2xx     2xx      2xx
      POST    /acme/new-account                                  4xx       4xx      4xx     4xx     4xx     4xx      4xx
      POST    /acme/account/{id}                                 4xx       4xx      4xx     4xx     4xx     4xx      4xx
      POST    /acme/account/{id}/orders                          4xx       4xx      4xx     4xx     4xx     4xx      4xx
      POST    /acme/key-change                                   4xx       4xx      4xx     4xx     4xx     4xx      4xx
      POST    /acme/new-order                                    4xx       4xx      4xx     4xx     4xx     4xx      4xx
      POST    /acme/order/{id}                                   4xx       4xx      4xx     4xx     4xx     4xx      4xx
      POST    /acme/order/{id}/finalize                          4xx       4xx      4xx     4xx     4xx     4xx      4xx
      POST    /acme/authz/{id}                                   4xx       4xx      4xx     4xx     4xx     4xx      4xx
      POST    /acme/chall/{id}                                   4xx       4xx      4xx     4xx     4xx     4xx      4xx
      POST    /acme/cert/{serial}                                4xx       4xx      4xx     4xx     4xx     4xx      4xx
      POST    /acme/revoke-cert                                  4xx       4xx      4xx     4xx     4xx     4xx      4xx
      GET     /acme/renewal-info/{certId}                        4xx       4xx      4xx     4xx     4xx     4xx      4xx
      POST    /api/acme/eab                                      401       403      4xx     4xx     403     403      403
      POST    /api/acme/contracts                                401       403      4xx     4xx     403     4xx      403
      GET     /api/acme/contracts                                401       403      2xx     2xx     2xx     2xx      403
      GET     /api/acme/orders/{orderId}/documents               401       403      2xx     2xx     2xx     403      403
      POST    /api/acme/orders/{orderId}/documents               401       403      4xx     4xx     403     403      403
      POST    /api/acme/contracts/{id}/payment                   401       403      4xx     4xx     403     403      403
      GET     /api/acme/contracts/{id}/invoice.pdf               401       403      4xx     4xx     4xx     4xx      403
      # The storefront (issue 14): form login and session for browsers; Basic as the API's
      # clients; a POST without the session's CSRF token is refused whoever calls.
      GET     /login                                             2xx       2xx      2xx     2xx     2xx     2xx      2xx
      GET     /                                                  401       2xx      403     403     403     403      403
      GET     /applications                                      401       2xx      403     403     403     403      403
      GET     /applications/{id}                                 401       4xx      403     403     403     403      403
      GET     /apply                                             401       2xx      403     403     403     403      403
      GET     /contracts                                         401       2xx      403     403     403     403      403
      GET     /contracts/{id}/invoice.pdf                        401       4xx      403     403     403     403      403
      POST    /apply                                             403       403      403     403     403     403      403
      POST    /apply/csr-check                                   403       403      403     403     403     403      403
      GET     /password-reset                                    2xx       2xx      2xx     2xx     2xx     2xx      2xx
      POST    /password-reset                                    403       403      403     403     403     403      403
      GET     /password-reset/{token}                            4xx       4xx      4xx     4xx     4xx     4xx      4xx
      POST    /password-reset/{token}                            403       403      403     403     403     403      403
      GET     /public/seals/{serial}                             4xx       4xx      4xx     4xx     4xx     4xx      4xx
      GET     /public/seals/{serial}.svg                         4xx       4xx      4xx     4xx     4xx     4xx      4xx
      GET     /api/certificates/{serial}/chain.pem               401       4xx      4xx     4xx     4xx     403      403
      GET     /api/certificates/{serial}/chain.p7b               401       4xx      4xx     4xx     4xx     403      403
      # Issue 15: the automation test certificate (operations run it, auditors read), revocation
      # plans (officers propose, a second officer approves, auditors read; the public page of an
      # approved plan is ARI's explanationURL).
      GET     /operations/automation-test                        401       403      403     403     2xx     2xx      2xx
      POST    /operations/automation-test/runs                   403       403      403     403     403     403      403
      POST    /api/revocation-plans                              401       403      4xx     4xx     403     403      403
      POST    /api/revocation-plans/{id}/approval                401       403      4xx     4xx     403     403      403
      POST    /api/revocation-plans/{id}/withdrawal              401       403      4xx     4xx     403     403      403
      GET     /api/revocation-plans                              401       403      2xx     2xx     2xx     403      403
      GET     /api/revocation-plans/{id}                         401       403      4xx     4xx     4xx     403      403
      GET     /public/revocation-plans/{id}                      4xx       4xx      4xx     4xx     4xx     4xx      4xx
      # Not Spring MVC handlers: Actuator and the engine's REST API (JAX-RS).
      GET     /actuator/health                                   2xx       2xx      2xx     2xx     2xx     2xx      2xx
      GET     /actuator/health/liveness                          2xx       2xx      2xx     2xx     2xx     2xx      2xx
      GET     /actuator/prometheus                               401       403      403     403     403     2xx      2xx
      GET     /actuator/env                                      401       403      403     403     403     403      403
      GET     /engine-rest/engine                                401       403      2xx     2xx     2xx     2xx      2xx
      GET     /engine-rest/task                                  401       403      2xx     2xx     2xx     2xx      2xx
      GET     /engine-rest/incident                              401       403      2xx     2xx     2xx     2xx      2xx
      POST    /engine-rest/identity/verify                       401       403      403     403     403     403      2xx
      PUT     /engine-rest/job/{jobId}/retries                   401       403      403     403     403     4xx      4xx
      POST    /engine-rest/process-definition/key/{processKey}/start 401   403      403     403     403     403      4xx
      # Issue 11: deployments only through /operations, administrators included.
      POST    /engine-rest/deployment/create                     401       403      403     403     403     403      403
      # Issue 11: migrating running instances (operations decide, auditors read).
      GET     /operations/migrations/new                         401       403      403     403     4xx     4xx      4xx
      GET     /operations/migrations/{migrationId}               401       403      403     403     4xx     4xx      4xx
      POST    /operations/migrations                             403       403      403     403     403     403      403
      POST    /operations/migrations/{migrationId}/approval      403       403      403     403     403     403      403
      POST    /operations/migrations/{migrationId}/refusal       403       403      403     403     403     403      403
      POST    /operations/migrations/{migrationId}/retries       403       403      403     403     403     403      403
      POST    /operations/migrations/{migrationId}/abandonment   403       403      403     403     403     403      403
      # Issue 15: ACME orders as auditors read them.
      GET     /audit/acme-orders                                 401       403      403     403     2xx     403      2xx
      GET     /audit/acme-orders/{orderId}                       401       403      403     403     4xx     403      4xx
      GET     /audit/acme-orders/{orderId}/timeline.csv          401       403      403     403     4xx     403      4xx
      GET     /audit/acme-orders/{orderId}/timeline.json         401       403      403     403     4xx     403      4xx
      """;

  private static final List<String> CALLERS =
      List.of("anonymous", "customer", "officer", "senior", "auditor", "operator", "admin");

  /** Paths this test calls that Spring MVC does not map (Actuator, JAX-RS). */
  private static final List<String> OUTSIDE_SPRING_MVC = List.of("/actuator/", "/engine-rest/");

  private static final Duration ANSWER_WITHIN = Duration.ofSeconds(15);

  private static final Pattern VARIABLE = Pattern.compile("\\{([^}]+)}");

  @Autowired
  @Qualifier("requestMappingHandlerMapping")
  RequestMappingHandlerMapping mappings;

  @Autowired
  @Qualifier("api")
  SecurityFilterChain apiChain;

  private static long customersApplication;

  @BeforeAll
  static void registry() {
    WHOIS.answer("sample-matrix.jp", jprsRecord("sample-matrix.jp", "Sample K.K.", "hostmaster@sample.co.jp"));
  }

  private record Row(String method, String path, Map<String, String> expected, String line) {
    String key() {
      return method + " " + path;
    }
  }

  @Test
  void everyMappedEndpointHasARow() {
    Set<String> rows = new LinkedHashSet<>();
    rows(MATRIX).forEach(row -> rows.add(row.key()));
    Set<String> mapped = mappedEndpoints();

    List<String> missing = mapped.stream().filter(endpoint -> !rows.contains(endpoint)).toList();
    assertThat(missing)
        .as(
            "endpoints without a row in AuthorizationMatrixIT.MATRIX; add, under the header"
                + " (anonymous customer officer senior auditor operator admin), with each cell one"
                + " of 2xx, 4xx, 401, 403 as the README's API table names the owner roles:%n%s",
            String.join("\n", missing.stream().map(AuthorizationMatrixIT::template).toList()))
        .isEmpty();

    List<String> stale =
        rows.stream()
            .filter(row -> !mapped.contains(row))
            .filter(row -> OUTSIDE_SPRING_MVC.stream().noneMatch(prefix -> row.contains(" " + prefix)))
            .toList();
    assertThat(stale).as("rows of AuthorizationMatrixIT.MATRIX no handler maps any more: remove them").isEmpty();
  }

  @Test
  void everyRoleGetsWhatTheTableSays() throws Exception {
    Map<String, String> fixtures = fixtures();
    List<String> wrong = new ArrayList<>();
    for (Row row : rows(MATRIX)) {
      String path = resolve(row.path(), fixtures) + QUERIES.getOrDefault(row.key(), "");
      String body = BODIES.getOrDefault(row.key(), "{}");
      for (String caller : CALLERS) {
        ResponseEntity<String> answer;
        try {
          answer = Bounded.call(ANSWER_WITHIN, row.key() + " as " + caller, () -> call(caller, row.method(), path, body));
        } catch (AssertionError hung) {
          wrong.add(hung.getMessage());
          continue;
        }
        int status = answer.getStatusCode().value();
        String expected = row.expected().get(caller);
        if (!matches(expected, status)) {
          wrong.add(row.key() + " as " + caller + ": expected " + expected + ", got " + status + " " + shorten(answer.getBody()));
        } else if ((status == 401 || status == 403) && !row.path().startsWith("/engine-rest/") && !isProblem(answer)) {
          // (The engine's own refusals are Camunda's JSON {type, message}, which its web apps read.)
          wrong.add(row.key() + " as " + caller + ": " + status + " without a problem+json body");
        }
      }
    }
    assertThat(wrong).as("cells of AuthorizationMatrixIT.MATRIX the system does not keep").isEmpty();
  }

  /**
   * The URL rules are the first of two locks, the handlers' {@code @PreAuthorize} the second
   * (STYLE: every endpoint has an owner role in SecurityConfiguration). An {@code /api} endpoint
   * that only the catch-all {@code /api/**} rule decides is open at the URL to anyone logged in,
   * customers included, and one forgotten annotation away from serving them: asked for a login
   * with no role, the filter chain must already refuse every mapped {@code /api} address.
   */
  @Test
  void everyApiEndpointHasAnOwnerRuleInTheFilterChain() {
    AuthorizationManager<HttpServletRequest> rules =
        apiChain.getFilters().stream()
            .filter(AuthorizationFilter.class::isInstance)
            .map(filter -> ((AuthorizationFilter) filter).getAuthorizationManager())
            .findFirst()
            .orElseThrow();
    Authentication noRole =
        UsernamePasswordAuthenticationToken.authenticated(
            "no-role", null, List.of(new SimpleGrantedAuthority("ROLE_NONE")));
    // The probe reaches the rules as a real request would: a customer is let through to its list.
    Authentication customer =
        UsernamePasswordAuthenticationToken.authenticated(
            "customer", null, List.of(new SimpleGrantedAuthority("ROLE_CUSTOMER")));
    assertThat(rules.authorize(() -> customer, apiRequest("GET", "/api/applications")).isGranted()).isTrue();
    List<String> decidedByTheCatchAll =
        mappedEndpoints().stream()
            .filter(endpoint -> endpoint.split(" ", 2)[1].startsWith("/api/"))
            .filter(
                endpoint -> {
                  String[] parts = endpoint.split(" ", 2);
                  AuthorizationResult decision =
                      rules.authorize(() -> noRole, apiRequest(parts[0].equals("ANY") ? "GET" : parts[0], parts[1]));
                  return decision == null || decision.isGranted();
                })
            .toList();
    assertThat(decidedByTheCatchAll)
        .as("/api endpoints without an owner rule in SecurityConfiguration (only /api/** authenticated() lets them through)")
        .isEmpty();
  }

  /** A request for {@code pattern} (its variables filled in) as the dispatcher servlet gets it. */
  private static MockHttpServletRequest apiRequest(String method, String pattern) {
    String path = pattern.replaceAll("\\{[^}]+}", "1");
    MockHttpServletRequest request = new MockHttpServletRequest(method, path);
    request.setServletPath(path);
    return request;
  }

  /** Every handler method's patterns, one per HTTP method it takes. */
  private Set<String> mappedEndpoints() {
    Set<String> endpoints = new TreeSet<>();
    for (RequestMappingInfo info : mappings.getHandlerMethods().keySet()) {
      Set<RequestMethod> methods = info.getMethodsCondition().getMethods();
      for (String pattern : info.getPatternValues()) {
        if (methods.isEmpty()) {
          endpoints.add("ANY " + pattern);
        }
        methods.forEach(method -> endpoints.add(method.name() + " " + pattern));
      }
    }
    return endpoints;
  }

  private static String template(String endpoint) {
    String[] parts = endpoint.split(" ", 2);
    return String.format("%-7s %-50s %s", parts[0], parts[1], String.join("  ", java.util.Collections.nCopies(CALLERS.size(), "?")));
  }

  private static List<Row> rows(String table) {
    List<Row> rows = new ArrayList<>();
    for (String line : table.lines().map(String::strip).toList()) {
      if (line.isEmpty() || line.startsWith("#")) {
        continue;
      }
      String[] cells = line.split("\\s+");
      assertThat(cells).as("row «%s»: method, path and one cell per caller %s", line, CALLERS).hasSize(2 + CALLERS.size());
      Map<String, String> expected = new LinkedHashMap<>();
      for (int i = 0; i < CALLERS.size(); i++) {
        String cell = cells[2 + i];
        assertThat(cell).as("row «%s», %s", line, CALLERS.get(i)).isIn("2xx", "4xx", "401", "403");
        expected.put(CALLERS.get(i), cell);
      }
      rows.add(new Row(cells[0], cells[1], expected, line));
    }
    Set<String> keys = new TreeSet<>();
    rows.forEach(row -> assertThat(keys.add(row.key())).as("row %s appears twice", row.key()).isTrue());
    return rows;
  }

  private static boolean matches(String expected, int status) {
    return switch (expected) {
      case "2xx" -> status >= 200 && status < 300;
      case "4xx" -> status >= 400 && status < 500 && status != 401 && status != 403 && status != 429;
      default -> status == Integer.parseInt(expected);
    };
  }

  /**
   * Values for path variables: the demo customer's own application (so the customer's own
   * reads are let through), the demo domain, the deployed process; any other variable gets an
   * id that exists nowhere, so a caller let through meets a 404, never someone's data.
   */
  private Map<String, String> fixtures() throws Exception {
    if (customersApplication == 0) {
      String csr =
          CsrFactory.pem(
              CsrFactory.p256(),
              "CN=www.sample-matrix.jp, O=Sample K.K., L=Chuo-ku, ST=Tokyo, C=JP",
              List.of("www.sample-matrix.jp"));
      ResponseEntity<Map> created =
          customer()
              .postForEntity(
                  "/api/applications",
                  CertificateApplicationIT.form("SECURE_SERVER_ID", "NEW", "BANK_TRANSFER", csr, null),
                  Map.class);
      assertThat(created.getStatusCode().value()).as(String.valueOf(created.getBody())).isEqualTo(201);
      customersApplication = ((Number) created.getBody().get("id")).longValue();
    }
    String id = String.valueOf(customersApplication);
    return Map.of(
        "id", id,
        "applicationId", id,
        "domain", "sample-matrix.jp",
        "processKey", "certificate-renewal");
  }

  /**
   * What a row's request carries beyond an empty JSON object: the parameters or body without
   * which the owner's call would fail before the rule the row is about.
   */
  private static final Map<String, String> QUERIES =
      Map.of("GET /api/domain-checks/{domain}", "?organization=Sample");

  private static final Map<String, String> BODIES =
      Map.of(
          "PUT /engine-rest/job/{jobId}/retries", "{\"retries\": 1}",
          "POST /engine-rest/identity/verify", "{\"username\": \"officer\", \"password\": \"officer\"}");

  private static String resolve(String path, Map<String, String> fixtures) {
    if (!path.startsWith("/api/applications/")) {
      // {id} is an application's only under /api/applications; elsewhere an id nobody has.
      fixtures = new java.util.HashMap<>(fixtures);
      fixtures.remove("id");
    }
    Matcher variable = VARIABLE.matcher(path);
    StringBuilder resolved = new StringBuilder();
    while (variable.find()) {
      variable.appendReplacement(
          resolved, Matcher.quoteReplacement(fixtures.getOrDefault(variable.group(1), "987654321")));
    }
    return variable.appendTail(resolved).toString();
  }

  private ResponseEntity<String> call(String caller, String method, String path, String body) {
    TestRestTemplate client =
        switch (caller) {
          case "anonymous" -> http;
          case "customer" -> customer();
          default -> as(caller, caller);
        };
    HttpHeaders headers = new HttpHeaders();
    headers.setAccept(List.of(MediaType.APPLICATION_JSON, MediaType.APPLICATION_PROBLEM_JSON, MediaType.ALL));
    HttpMethod verb = method.equals("ANY") ? HttpMethod.GET : HttpMethod.valueOf(method);
    HttpEntity<String> request;
    if (verb == HttpMethod.GET) {
      request = new HttpEntity<>(headers);
    } else {
      headers.setContentType(MediaType.APPLICATION_JSON);
      request = new HttpEntity<>(body, headers);
    }
    return client.exchange(path, verb, request, String.class);
  }

  private static boolean isProblem(ResponseEntity<String> answer) {
    MediaType type = answer.getHeaders().getContentType();
    return type != null && type.isCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON);
  }

  private static String shorten(String body) {
    if (body == null) {
      return "";
    }
    String line = body.replaceAll("\\s+", " ");
    return line.length() > 160 ? line.substring(0, 160) + "…" : line;
  }
}
