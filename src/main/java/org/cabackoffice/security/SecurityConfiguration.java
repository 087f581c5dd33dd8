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
      LoginThrottle throttle) {
    DaoAuthenticationProvider customerLogin = new DaoAuthenticationProvider(customers);
    customerLogin.setPasswordEncoder(passwordEncoder);
    return new ThrottledLogin(new ProviderManager(onlyForUserIds(customerLogin), staff), throttle);
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
                    // Probes of load balancers and orchestrators carry no credentials; what they
                    // see without the roles of management.endpoint.health.roles is UP or DOWN only.
                    .requestMatchers(HttpMethod.GET, "/actuator/health", "/actuator/health/**")
                    .permitAll()
                    .requestMatchers(HttpMethod.GET, "/actuator/prometheus")
                    .hasAnyRole(Roles.OPERATIONS, Roles.ADMIN)
                    // Camunda's password check answers true/false for any user name: a guessing
                    // oracle outside the login throttle. Tasklist and Cockpit do not use it; the
                    // first-start setup page (an admin's creation before the demo's) neither.
                    .requestMatchers("/engine-rest/identity/verify", "/engine-rest/engine/*/identity/verify")
                    .hasRole(Roles.ADMIN)
                    .requestMatchers(
                        "/camunda/api/engine/engine/*/identity/verify",
                        "/camunda/api/admin/setup/**")
                    .denyAll()
                    .requestMatchers("/engine-rest/**")
                    .hasAnyRole(STAFF)
                    // The owner roles of the README's API table, as the handlers' @PreAuthorize.
                    .requestMatchers(HttpMethod.POST, "/api/applications")
                    .hasRole(Roles.CUSTOMER)
                    .requestMatchers(HttpMethod.GET, "/api/applications", "/api/applications/*")
                    .hasAnyRole(EVERYONE)
                    .requestMatchers(HttpMethod.GET, "/api/applications/*/dns-challenges")
                    .hasAnyRole(Roles.CUSTOMER, Roles.OFFICER, Roles.SENIOR_OFFICER, Roles.AUDITOR)
                    .requestMatchers(
                        HttpMethod.GET,
                        "/api/applications/*/timeline",
                        "/api/applications/*/timeline.csv",
                        "/api/applications/*/invoice",
                        "/api/applications/*/documents",
                        "/api/documents/*/content",
                        "/api/key-blocklist")
                    .hasAnyRole(OFFICERS_AND_AUDITOR)
                    // A customer reads and revokes its own certificates (the handler checks whose).
                    .requestMatchers(HttpMethod.GET, "/api/certificates/*", "/api/revocations/*")
                    .hasAnyRole(Roles.CUSTOMER, Roles.OFFICER, Roles.SENIOR_OFFICER, Roles.AUDITOR)
                    .requestMatchers(HttpMethod.POST, "/api/certificates/*/revocations")
                    .hasAnyRole(Roles.CUSTOMER, Roles.OFFICER, Roles.SENIOR_OFFICER)
                    .requestMatchers(HttpMethod.POST, "/api/applications/*/payments")
                    .hasRole(Roles.OFFICER)
                    // Guide [3-1]: documents that arrived by fax or e-mail, attached by officers.
                    .requestMatchers(HttpMethod.POST, "/api/applications/*/documents")
                    .hasAnyRole(OFFICERS)
                    .requestMatchers(HttpMethod.POST, "/api/csr/check")
                    .hasAnyRole(Roles.CUSTOMER, Roles.OFFICER, Roles.SENIOR_OFFICER)
                    .requestMatchers(HttpMethod.GET, "/api/domain-checks/*")
                    .hasAnyRole(OFFICERS)
                    .requestMatchers(HttpMethod.POST, "/api/key-blocklist")
                    .hasAnyRole(OFFICERS)
                    .requestMatchers(HttpMethod.POST, "/api/bank-statements")
                    .hasAnyRole(Roles.OFFICER, Roles.OPERATIONS)
                    .requestMatchers(HttpMethod.GET, "/api/bank-statements", "/api/bank-statements/*")
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
                    .requestMatchers(HttpMethod.POST, "/api/organization-directory/*/corrections")
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
