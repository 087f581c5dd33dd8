package org.cabackoffice.security;

import org.cabackoffice.security.camunda.StaffAuthenticationProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.authentication.AuthenticationManager;
import org.springframework.security.authentication.ProviderManager;
import org.springframework.security.authentication.dao.DaoAuthenticationProvider;
import org.springframework.security.config.annotation.method.configuration.EnableMethodSecurity;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.SecurityFilterChain;

/**
 * Who may call what. URL rules only separate public from authenticated areas; each API handler
 * names its owner role with {@code @PreAuthorize} (an ArchUnit test keeps that true).
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
      StaffAuthenticationProvider staff) {
    DaoAuthenticationProvider customerLogin = new DaoAuthenticationProvider(customers);
    customerLogin.setPasswordEncoder(passwordEncoder);
    return new ProviderManager(customerLogin, staff);
  }

  @Bean
  SecurityFilterChain api(HttpSecurity http, AuthenticationManager authenticationManager)
      throws Exception {
    http.authenticationManager(authenticationManager)
        .csrf(csrf -> csrf.disable())
        .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
        .httpBasic(basic -> basic.realmName("CA Back Office"))
        .authorizeHttpRequests(
            auth ->
                auth.requestMatchers("/public/**", "/ca/**", "/error")
                    .permitAll()
                    .requestMatchers("/engine-rest/**")
                    .hasAnyRole(
                        Roles.OFFICER,
                        Roles.SENIOR_OFFICER,
                        Roles.AUDITOR,
                        Roles.OPERATIONS,
                        Roles.ADMIN)
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
