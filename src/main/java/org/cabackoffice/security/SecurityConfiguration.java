package org.cabackoffice.security;

import org.cabackoffice.access.Roles;
import jakarta.servlet.DispatcherType;
import org.cabackoffice.security.camunda.StaffAuthenticationProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpMethod;
import org.springframework.security.authentication.AuthenticationManager;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.ProviderManager;
import org.springframework.security.core.Authentication;
import org.springframework.security.authentication.dao.DaoAuthenticationProvider;
import org.springframework.security.config.annotation.method.configuration.EnableMethodSecurity;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AuthorizeHttpRequestsConfigurer;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.csrf.CookieCsrfTokenRepository;
import org.springframework.security.web.util.matcher.RequestMatcher;
import org.springframework.util.AntPathMatcher;

/**
 * Who may call what. Each API handler names its owner role with {@code @PreAuthorize} (an
 * ArchUnit test keeps that true); the URL rules below repeat those roles because they act before
 * the body is read: a caller without the role gets 403, not a report on a body it may not send,
 * and no multipart upload is parsed for it.
 *
 * <p>CSRF protection is off for Spring's part: the API authenticates every request with HTTP
 * Basic and creates no session cookie, the {@code /public} pages are reached through one-time
 * tokens, and the Camunda web apps under {@code /camunda} run their own login and CSRF filter.
 */
@Configuration
@EnableMethodSecurity
public class SecurityConfiguration {

  @Bean
  PasswordEncoder passwordEncoder() {
    return PasswordEncoderFactories.createDelegatingPasswordEncoder();
  }

  @Bean
  AuthenticationManager authenticationManager(
      CustomerAccounts customers,
      PasswordEncoder passwordEncoder,
      StaffAuthenticationProvider staff,
      LoginThrottle throttle,
      VerifiedLogins verified) {
    DaoAuthenticationProvider customerLogin = new DaoAuthenticationProvider(customers);
    customerLogin.setPasswordEncoder(passwordEncoder);
    return new ThrottledLogin(
        new ProviderManager(onlyForUserIds(customerLogin), staff), throttle, verified);
  }

  /**
   * A customer's user ID is an e-mail address (guide [1-3]); a staff id never is (Camunda allows
   * letters and digits only). Sending staff logins past the customer provider spares every staff
   * request a bcrypt of the dummy password that provider hashes for unknown names (about 70 ms
   * per request, issue 12), without changing which provider can authenticate whom.
   */
  static AuthenticationProvider onlyForUserIds(AuthenticationProvider customers) {
    return new AuthenticationProvider() {
      @Override
      public Authentication authenticate(Authentication login) {
        return login.getName() != null && login.getName().contains("@") ? customers.authenticate(login) : null;
      }

      @Override
      public boolean supports(Class<?> type) {
        return customers.supports(type);
      }
    };
  }

  private static final String[] STAFF = {
    Roles.OFFICER, Roles.SENIOR_OFFICER, Roles.AUDITOR, Roles.OPERATIONS, Roles.ADMIN
  };
  private static final String[] EVERYONE = {
    Roles.CUSTOMER, Roles.OFFICER, Roles.SENIOR_OFFICER, Roles.AUDITOR, Roles.OPERATIONS, Roles.ADMIN
  };
  private static final String[] OFFICERS = {Roles.OFFICER, Roles.SENIOR_OFFICER};
  private static final String[] OFFICERS_AND_AUDITOR = {
    Roles.OFFICER, Roles.SENIOR_OFFICER, Roles.AUDITOR
  };

  /**
   * Staff pages under {@code /team/}: the browser's Basic login like the API, but forms, so CSRF
   * protection is on (a browser replays Basic credentials on a cross-site POST). The token lives
   * in a cookie (double submit), so the pages stay as stateless as the API.
   */
  @Bean
  @Order(1)
  SecurityFilterChain staffPages(
      HttpSecurity http, AuthenticationManager authenticationManager, AccessRefusals refusals)
      throws Exception {
    return pageChain(
        http,
        "/team",
        authenticationManager,
        refusals,
        pages ->
            // Issue 8 item 15: officers look up and correct, the auditor reads.
            pages
                .requestMatchers(HttpMethod.GET, "/team/organization-directory", "/team/organization-directory/*")
                .hasAnyRole(OFFICERS_AND_AUDITOR)
                .requestMatchers(HttpMethod.POST, "/team/organization-directory/*/corrections")
                .hasAnyRole(OFFICERS)
                // Issue 9: the CRLs as signed, for officers answering relying parties and operations.
                .requestMatchers(HttpMethod.GET, "/team/crls", "/team/crls/*")
                .hasAnyRole(Roles.OFFICER, Roles.SENIOR_OFFICER, Roles.AUDITOR, Roles.OPERATIONS, Roles.ADMIN)
                // Issue 11: the officers' board of application tasks and customer waits.
                .requestMatchers(HttpMethod.GET, "/team/board")
                .hasAnyRole(OFFICERS));
  }

  /**
   * The auditors' pages under {@code /audit/} (issue 11): read-only history for the auditor, and
   * the administrator who answers for the system; officers are not auditors of their own work.
   * Set up as {@link #staffPages}: Basic login, CSRF on in case a form ever posts here.
   */
  @Bean
  @Order(2)
  SecurityFilterChain auditorsPages(
      HttpSecurity http, AuthenticationManager authenticationManager, AccessRefusals refusals)
      throws Exception {
    return pageChain(
        http,
        "/audit",
        authenticationManager,
        refusals,
        pages -> pages.requestMatchers(HttpMethod.GET, "/audit/**").hasAnyRole(Roles.AUDITOR, Roles.ADMIN));
  }

  /**
   * The operations pages under {@code /operations/} (issue 11): operations and administrators
   * propose and decide model changes; auditors read the change history, decide nothing.
   */
  @Bean
  @Order(3)
  SecurityFilterChain operationsPageChain(
      HttpSecurity http, AuthenticationManager authenticationManager, AccessRefusals refusals)
      throws Exception {
    return pageChain(
        http,
        "/operations",
        authenticationManager,
        refusals,
        pages ->
            pages
                .requestMatchers(HttpMethod.GET, "/operations/models", "/operations/model-changes/*")
                .hasAnyRole(Roles.OPERATIONS, Roles.ADMIN, Roles.AUDITOR)
                .requestMatchers(
                    HttpMethod.POST,
                    "/operations/model-changes",
                    "/operations/model-changes/*/approval",
                    "/operations/model-changes/*/refusal",
                    "/operations/rollbacks")
                .hasAnyRole(Roles.OPERATIONS, Roles.ADMIN)
                // Issue 15: the automation test certificate (Chrome policy 1.8), run by operations.
                .requestMatchers(HttpMethod.GET, "/operations/automation-test")
                .hasAnyRole(Roles.OPERATIONS, Roles.ADMIN, Roles.AUDITOR)
                .requestMatchers(HttpMethod.POST, "/operations/automation-test/runs")
                .hasAnyRole(Roles.OPERATIONS, Roles.ADMIN)
                // Migrating running instances: the same readers and deciders as model changes.
                .requestMatchers(HttpMethod.GET, "/operations/migrations/*")
                .hasAnyRole(Roles.OPERATIONS, Roles.ADMIN, Roles.AUDITOR)
                .requestMatchers(
                    HttpMethod.POST,
                    "/operations/migrations",
                    "/operations/migrations/*/approval",
                    "/operations/migrations/*/refusal",
                    // A running batch: its failed jobs retried, or the batch given up.
                    "/operations/migrations/*/retries",
                    "/operations/migrations/*/abandonment")
                .hasAnyRole(Roles.OPERATIONS, Roles.ADMIN));
  }

  /**
   * The storefront (issue 14): the customer's pages at the site's root. A form login with the
   * user ID (guide [1-3]: the technical contact's e-mail) and a session, unlike the stateless
   * staff pages; the login goes through the same {@link ThrottledLogin}, so repeated failures
   * suspend logins here too. CSRF tokens live in the session.
   *
   * <p>Its downloads are the API's own addresses (the chain and the PDF documents): a browser
   * that follows one with the storefront's session and no Authorization header is let in here,
   * while every API client keeps the API chain's Basic login. HTTP Basic is accepted too, so
   * that scripts and the authorization matrix reach the pages as the API's clients do; a
   * browser that is not logged in is sent to the login page, anything else answers 401.
   */
  @Bean
  @Order(4)
  SecurityFilterChain storefront(
      HttpSecurity http, AuthenticationManager authenticationManager, AccessRefusals refusals)
      throws Exception {
    org.springframework.security.web.authentication.LoginUrlAuthenticationEntryPoint loginPage =
        new org.springframework.security.web.authentication.LoginUrlAuthenticationEntryPoint(STOREFRONT_LOGIN);
    http.securityMatcher(request -> isStorefront(request))
        .authenticationManager(authenticationManager)
        .httpBasic(basic -> basic.realmName(AccessRefusals.REALM).authenticationEntryPoint(refusals))
        .formLogin(
            form ->
                form.loginPage(STOREFRONT_LOGIN)
                    .usernameParameter("userId")
                    .defaultSuccessUrl("/", false)
                    .failureHandler(
                        (request, response, refusal) ->
                            response.sendRedirect(
                                request.getContextPath()
                                    + STOREFRONT_LOGIN
                                    + (refusal instanceof LoginsSuspendedException ? "?locked" : "?error")))
                    .permitAll())
        .logout(logout -> logout.logoutUrl("/logout").logoutSuccessUrl(STOREFRONT_LOGIN + "?logout"))
        .exceptionHandling(
            refused ->
                refused
                    .authenticationEntryPoint(
                        (request, response, refusal) -> {
                          String accept = request.getHeader("Accept");
                          if ("GET".equals(request.getMethod()) && accept != null && accept.contains("text/html")) {
                            loginPage.commence(request, response, refusal);
                          } else {
                            refusals.commence(request, response, refusal);
                          }
                        })
                    .accessDeniedHandler(refusals))
        .authorizeHttpRequests(
            auth ->
                auth.dispatcherTypeMatchers(DispatcherType.ERROR)
                    .permitAll()
                    .requestMatchers(HttpMethod.GET, STOREFRONT_LOGIN)
                    .permitAll()
                    // A forgotten password: open to anyone, as the login is (CSRF still applies).
                    .requestMatchers("/password-reset", "/password-reset/*")
                    .permitAll()
                    .anyRequest()
                    .hasRole(Roles.CUSTOMER));
    return http.build();
  }

  /**
   * JAX-RS answers a path with a trailing slash as the path without one (JAX-RS 2.1 3.7.3 appends
   * "(/)?" to every resource method's template), so a rule closing an engine address must close
   * that spelling too: "/engine-rest/deployment/create/" let administrators, whom the engine grants
   * everything, deploy around the four eyes of /operations. Matched on the decoded path, as the
   * engine's servlet reads it.
   *
   * @param method the method the rule is for, or null for any
   */
  static RequestMatcher withOrWithoutTrailingSlash(HttpMethod method, String... patterns) {
    AntPathMatcher paths = new AntPathMatcher();
    return request -> {
      if (method != null && !method.matches(request.getMethod())) {
        return false;
      }
      String path = request.getServletPath() + (request.getPathInfo() == null ? "" : request.getPathInfo());
      while (path.length() > 1 && path.endsWith("/")) {
        path = path.substring(0, path.length() - 1);
      }
      for (String pattern : patterns) {
        if (paths.match(pattern, path)) {
          return true;
        }
      }
      return false;
    };
  }

  static final String STOREFRONT_LOGIN = "/login";

  private static final java.util.regex.Pattern STOREFRONT_PAGES =
      java.util.regex.Pattern.compile("/|/login|/logout|/(certificates|applications|apply|contracts|password-reset)(/.*)?");

  /** The API's downloads a storefront page links to, reached with the storefront's session. */
  private static final java.util.regex.Pattern STOREFRONT_DOWNLOADS =
      java.util.regex.Pattern.compile(
          "/api/certificates/[^/]+/chain\\.(pem|p7b)"
              + "|/api/applications/[^/]+/(invoice|receipt|delivery-note|quote)\\.pdf");

  static boolean isStorefront(jakarta.servlet.http.HttpServletRequest request) {
    String path = request.getRequestURI().substring(request.getContextPath().length());
    if (STOREFRONT_PAGES.matcher(path).matches()) {
      return true;
    }
    return "GET".equals(request.getMethod())
        && request.getHeader("Authorization") == null
        && request.getRequestedSessionId() != null
        && STOREFRONT_DOWNLOADS.matcher(path).matches();
  }

  /**
   * A chain for server-rendered staff pages under {@code prefix}: Basic login like the API, CSRF
   * with the token in a cookie scoped to the prefix, no session; what {@code rules} does not
   * allow is denied.
   */
  private static SecurityFilterChain pageChain(
      HttpSecurity http,
      String prefix,
      AuthenticationManager authenticationManager,
      AccessRefusals refusals,
      Customizer<
              AuthorizeHttpRequestsConfigurer<HttpSecurity>.AuthorizationManagerRequestMatcherRegistry>
          rules)
      throws Exception {
    CookieCsrfTokenRepository csrfTokens = new CookieCsrfTokenRepository();
    csrfTokens.setCookiePath(prefix);
    http.securityMatcher(prefix + "/**")
        .authenticationManager(authenticationManager)
        .csrf(csrf -> csrf.csrfTokenRepository(csrfTokens))
        .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
        .httpBasic(basic -> basic.realmName(AccessRefusals.REALM).authenticationEntryPoint(refusals))
        .exceptionHandling(
            refused -> refused.authenticationEntryPoint(refusals).accessDeniedHandler(refusals))
        .authorizeHttpRequests(
            auth -> {
              auth.dispatcherTypeMatchers(DispatcherType.ERROR).permitAll();
              rules.customize(auth);
              auth.anyRequest().denyAll();
            });
    return http.build();
  }

  @Bean
  SecurityFilterChain api(
      HttpSecurity http, AuthenticationManager authenticationManager, AccessRefusals refusals)
      throws Exception {
    http.authenticationManager(authenticationManager)
        .csrf(csrf -> csrf.disable())
        .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
        .httpBasic(basic -> basic.realmName(AccessRefusals.REALM).authenticationEntryPoint(refusals))
        .exceptionHandling(
            refused -> refused.authenticationEntryPoint(refusals).accessDeniedHandler(refusals))
        .authorizeHttpRequests(
            auth ->
                // The error page answers errors that happened elsewhere; called directly it has
                // no error to show (and Spring's answered that with a 500).
                auth.dispatcherTypeMatchers(DispatcherType.ERROR)
                    .permitAll()
                    .requestMatchers("/public/**", "/ca/**")
                    .permitAll()
                    // Relying parties fetch CRLs and ask the OCSP responder without credentials
                    // (BR 4.9.7, 4.9.10; RFC 5019 over plain HTTP).
                    .requestMatchers(HttpMethod.GET, "/crl/**", "/ocsp/**")
                    .permitAll()
                    .requestMatchers(HttpMethod.POST, "/ocsp")
                    .permitAll()
                    // ACME (RFC 8555): no HTTP credentials; each POST is authenticated by its JWS,
                    // signed by an account bound by EAB to a customer (AcmeController).
                    .requestMatchers("/acme/**")
                    .permitAll()
                    // Probes of load balancers and orchestrators carry no credentials; what they
                    // see without the roles of management.endpoint.health.roles is UP or DOWN only.
                    .requestMatchers(HttpMethod.GET, "/actuator/health", "/actuator/health/**")
                    .permitAll()
                    .requestMatchers(HttpMethod.GET, "/actuator/prometheus")
                    .hasAnyRole(Roles.OPERATIONS, Roles.ADMIN)
                    // Camunda's password check answers true/false for any user name: a guessing
                    // oracle outside the login throttle. Tasklist and Cockpit do not use it; the
                    // first-start setup page (an admin's creation before the demo's) neither.
                    .requestMatchers(
                        withOrWithoutTrailingSlash(
                            null, "/engine-rest/identity/verify", "/engine-rest/engine/*/identity/verify"))
                    .hasRole(Roles.ADMIN)
                    .requestMatchers(
                        withOrWithoutTrailingSlash(
                            null, "/camunda/api/engine/engine/*/identity/verify", "/camunda/api/admin/setup/**"))
                    .denyAll()
                    // Issue 11: models reach the engine only through /operations (checked, four
                    // eyes, recorded); nobody deploys, redeploys or removes a deployment around it,
                    // administrators included (Modeler, Cockpit and scripts use these).
                    .requestMatchers(
                        withOrWithoutTrailingSlash(
                            HttpMethod.POST,
                            "/engine-rest/deployment/create",
                            "/engine-rest/deployment/*/redeploy",
                            "/engine-rest/engine/*/deployment/create",
                            "/engine-rest/engine/*/deployment/*/redeploy",
                            "/camunda/api/engine/engine/*/deployment/create",
                            "/camunda/api/engine/engine/*/deployment/*/redeploy"))
                    .denyAll()
                    .requestMatchers(
                        withOrWithoutTrailingSlash(
                            HttpMethod.DELETE,
                            "/engine-rest/deployment/*",
                            "/engine-rest/engine/*/deployment/*",
                            "/camunda/api/engine/engine/*/deployment/*"))
                    .denyAll()
                    // Running instances move to another version only through
                    // /operations/migrations (plan shown, four eyes, recorded), administrators
                    // included: Cockpit's migration and the engine's REST migration are closed.
                    .requestMatchers(
                        "/engine-rest/migration/**",
                        "/engine-rest/engine/*/migration/**",
                        "/camunda/api/engine/engine/*/migration/**")
                    .denyAll()
                    .requestMatchers("/engine-rest/**")
                    .hasAnyRole(STAFF)
                    // The owner roles of the README's API table, as the handlers' @PreAuthorize.
                    .requestMatchers(HttpMethod.POST, "/api/applications")
                    .hasRole(Roles.CUSTOMER)
                    .requestMatchers(HttpMethod.GET, "/api/applications", "/api/applications/*")
                    .hasAnyRole(EVERYONE)
                    .requestMatchers(
                        HttpMethod.GET,
                        "/api/applications/*/dns-challenges",
                        "/api/applications/*/domain-validation-method")
                    .hasAnyRole(Roles.CUSTOMER, Roles.OFFICER, Roles.SENIOR_OFFICER, Roles.AUDITOR)
                    // BR 3.2.2.4: the technical contact chooses how its domain is validated.
                    .requestMatchers(HttpMethod.PUT, "/api/applications/*/domain-validation-method")
                    .hasRole(Roles.CUSTOMER)
                    .requestMatchers(
                        HttpMethod.GET,
                        "/api/applications/*/timeline",
                        "/api/applications/*/timeline.csv",
                        "/api/applications/*/invoice",
                        "/api/applications/*/documents",
                        "/api/acme/orders/*/documents",
                        "/api/documents/*/content",
                        "/api/key-blocklist")
                    .hasAnyRole(OFFICERS_AND_AUDITOR)
                    // A customer reads and revokes its own certificates (the handler checks whose).
                    .requestMatchers(
                        HttpMethod.GET,
                        "/api/certificates/*",
                        "/api/certificates/*/chain.pem",
                        "/api/certificates/*/chain.p7b",
                        "/api/revocations/*")
                    .hasAnyRole(Roles.CUSTOMER, Roles.OFFICER, Roles.SENIOR_OFFICER, Roles.AUDITOR)
                    .requestMatchers(HttpMethod.POST, "/api/certificates/*/revocations")
                    .hasAnyRole(Roles.CUSTOMER, Roles.OFFICER, Roles.SENIOR_OFFICER)
                    .requestMatchers(HttpMethod.POST, "/api/applications/*/payments")
                    .hasRole(Roles.OFFICER)
                    // Guide [3-1]: documents that arrived by fax or e-mail, attached by officers.
                    .requestMatchers(HttpMethod.POST, "/api/applications/*/documents", "/api/acme/orders/*/documents")
                    .hasAnyRole(OFFICERS)
                    .requestMatchers(HttpMethod.POST, "/api/csr/check")
                    .hasAnyRole(Roles.CUSTOMER, Roles.OFFICER, Roles.SENIOR_OFFICER)
                    .requestMatchers(HttpMethod.GET, "/api/domain-checks/*")
                    .hasAnyRole(OFFICERS)
                    .requestMatchers(HttpMethod.POST, "/api/key-blocklist")
                    .hasAnyRole(OFFICERS)
                    .requestMatchers(HttpMethod.POST, "/api/bank-statements")
                    .hasAnyRole(Roles.OFFICER, Roles.OPERATIONS)
                    .requestMatchers(
                        HttpMethod.GET, "/api/bank-statements", "/api/bank-statements/*", "/api/bank-statements/*/lines")
                    .hasAnyRole(Roles.OFFICER, Roles.OPERATIONS, Roles.AUDITOR)
                    // Issue 8 item 15: operations import, officers look up and correct, the
                    // auditor reads.
                    .requestMatchers(HttpMethod.POST, "/api/organization-directory/imports")
                    .hasRole(Roles.OPERATIONS)
                    .requestMatchers(
                        HttpMethod.GET,
                        "/api/organization-directory/imports",
                        "/api/organization-directory/imports/*")
                    .hasAnyRole(Roles.OPERATIONS, Roles.OFFICER, Roles.SENIOR_OFFICER, Roles.AUDITOR)
                    .requestMatchers(HttpMethod.GET, "/api/organization-directory", "/api/organization-directory/*")
                    .hasAnyRole(OFFICERS_AND_AUDITOR)
                    .requestMatchers(
                        HttpMethod.POST,
                        "/api/organization-directory/*/corrections",
                        "/api/organization-directory/*/trade-names")
                    .hasAnyRole(OFFICERS)
                    .requestMatchers(HttpMethod.POST, "/api/certificates/import")
                    .hasRole(Roles.ADMIN)
                    .requestMatchers(HttpMethod.GET, "/api/crls")
                    .hasAnyRole(Roles.OPERATIONS, Roles.AUDITOR, Roles.ADMIN)
                    .requestMatchers(HttpMethod.GET, "/api/mail/outbox")
                    .hasAnyRole(Roles.OPERATIONS, Roles.ADMIN, Roles.AUDITOR)
                    .requestMatchers(HttpMethod.POST, "/api/mail/outbox/*/retry")
                    .hasAnyRole(Roles.OPERATIONS, Roles.ADMIN)
                    .requestMatchers(HttpMethod.GET, "/api/dev/mails")
                    .hasRole(Roles.ADMIN)
                    // The audit log's integrity: auditors' first, and operations' and admins' to
                    // notice tampering (auditlog package-info).
                    .requestMatchers(HttpMethod.GET, "/api/audit-log/verification")
                    .hasAnyRole(Roles.AUDITOR, Roles.OPERATIONS, Roles.ADMIN)
                    // Issue 15: officers hand a validated organization's customer EAB credentials.
                    .requestMatchers(HttpMethod.POST, "/api/acme/eab")
                    .hasAnyRole(OFFICERS)
                    // Issue 15: annual ACME contracts, recorded by officers or operations, paid
                    // when an officer records the transfer; auditors read.
                    .requestMatchers(HttpMethod.POST, "/api/acme/contracts")
                    .hasAnyRole(Roles.OFFICER, Roles.SENIOR_OFFICER, Roles.OPERATIONS)
                    .requestMatchers(HttpMethod.GET, "/api/acme/contracts")
                    .hasAnyRole(Roles.OFFICER, Roles.SENIOR_OFFICER, Roles.OPERATIONS, Roles.AUDITOR)
                    .requestMatchers(HttpMethod.POST, "/api/acme/contracts/*/payment")
                    .hasRole(Roles.OFFICER)
                    // The certificates the root signed and their revocation (BR 4.9.7, 7.2.2):
                    // operations record; operations or a senior officer ask and a second of them
                    // confirms (RootSignedCertificates holds the four eyes); auditors and admins read.
                    .requestMatchers(HttpMethod.GET, "/api/ca-certificates")
                    .hasAnyRole(Roles.OPERATIONS, Roles.SENIOR_OFFICER, Roles.AUDITOR, Roles.ADMIN)
                    .requestMatchers(HttpMethod.POST, "/api/ca-certificates")
                    .hasRole(Roles.OPERATIONS)
                    .requestMatchers(
                        HttpMethod.POST,
                        "/api/ca-certificates/*/revocation",
                        "/api/ca-certificates/*/revocation/confirmation",
                        "/api/ca-certificates/*/revocation/decline")
                    .hasAnyRole(Roles.OPERATIONS, Roles.SENIOR_OFFICER)
                    // Issue 15: a contract's invoice, for staff on the case and auditors; the
                    // customer has it at /contracts/{id}/invoice.pdf in the storefront.
                    .requestMatchers(HttpMethod.GET, "/api/acme/contracts/*/invoice.pdf")
                    .hasAnyRole(Roles.OFFICER, Roles.SENIOR_OFFICER, Roles.OPERATIONS, Roles.AUDITOR)
                    // Issue 15: revocation plans (SC-089): officers propose, a second officer
                    // approves (RevocationPlans holds the four eyes), auditors read.
                    // A withdrawal (one officer, with the reason) gives back the usual ARI windows.
                    .requestMatchers(HttpMethod.POST, "/api/revocation-plans", "/api/revocation-plans/*/approval",
                        "/api/revocation-plans/*/withdrawal")
                    .hasAnyRole(OFFICERS)
                    .requestMatchers(HttpMethod.GET, "/api/revocation-plans", "/api/revocation-plans/*")
                    .hasAnyRole(OFFICERS_AND_AUDITOR)
                    // Issue 14: the documents of a sale, for the customer (the handler checks whose)
                    // and staff on the case; coupons issued by operations, redeemed by the customer.
                    .requestMatchers(
                        HttpMethod.GET,
                        "/api/applications/*/invoice.pdf",
                        "/api/applications/*/quote.pdf",
                        "/api/applications/*/receipt.pdf",
                        "/api/applications/*/delivery-note.pdf")
                    .hasAnyRole(Roles.CUSTOMER, Roles.OFFICER, Roles.SENIOR_OFFICER, Roles.AUDITOR)
                    .requestMatchers(HttpMethod.POST, "/api/quotes")
                    .hasAnyRole(Roles.CUSTOMER, Roles.OFFICER, Roles.SENIOR_OFFICER)
                    .requestMatchers(HttpMethod.POST, "/api/coupons")
                    .hasRole(Roles.OPERATIONS)
                    .requestMatchers(HttpMethod.GET, "/api/coupons")
                    .hasAnyRole(Roles.OPERATIONS, Roles.AUDITOR)
                    .requestMatchers(HttpMethod.POST, "/api/applications/*/coupon")
                    .hasAnyRole(Roles.CUSTOMER, Roles.OFFICER)
                    // Anything else under /api answers 404 or 405 to whoever is logged in.
                    .requestMatchers("/api/**")
                    .authenticated()
                    // The Camunda web apps (Tasklist, Cockpit, Admin) authenticate staff themselves.
                    .requestMatchers("/", "/favicon.ico", "/camunda/**")
                    .permitAll()
                    .anyRequest()
                    .denyAll());
    return http.build();
  }
}
