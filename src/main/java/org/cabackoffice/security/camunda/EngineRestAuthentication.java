package org.cabackoffice.security.camunda;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.List;
import java.util.regex.Pattern;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.Group;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Tells the engine who calls {@code /engine-rest}, so its authorizations ({@link
 * StaffPermissions}) apply there as they do in the web apps: Spring Security has checked the
 * password; the engine then checks what that person may touch.
 */
@Configuration
public class EngineRestAuthentication {

  /**
   * Camunda lets anyone who may read a task comment on it or attach files; an auditor must leave
   * the record as it was (BR 5.4.1), so only reads reach the engine for them.
   */
  static boolean readsOnly(List<String> groups) {
    return groups.contains(StaffGroups.AUDITORS)
        && !groups.contains(StaffGroups.ADMINS)
        && !groups.contains(StaffGroups.OPERATIONS)
        && !groups.contains(StaffGroups.VALIDATION_OFFICERS)
        && !groups.contains(StaffGroups.SENIOR_OFFICERS);
  }

  /** GET, or one of the REST API's POST queries ({@code POST /task}, {@code /history/…/count}). */
  static boolean isRead(HttpServletRequest request) {
    String method = request.getMethod();
    if ("GET".equals(method) || "HEAD".equals(method) || "OPTIONS".equals(method)) {
      return true;
    }
    String path = request.getRequestURI().substring(request.getContextPath().length());
    return "POST".equals(method)
        && QUERY.matcher(path).matches()
        && !path.startsWith("/engine-rest/message")
        && !path.startsWith("/engine-rest/signal");
  }

  private static final Pattern QUERY =
      Pattern.compile("/engine-rest/(?:history/)?[a-z-]+(?:/count)?");

  @Bean
  FilterRegistrationBean<OncePerRequestFilter> engineRestAuthenticationFilter(IdentityService identity) {
    OncePerRequestFilter filter =
        new OncePerRequestFilter() {
          @Override
          protected void doFilterInternal(
              HttpServletRequest request, HttpServletResponse response, FilterChain chain)
              throws ServletException, IOException {
            Authentication caller = SecurityContextHolder.getContext().getAuthentication();
            if (caller == null || !caller.isAuthenticated()) {
              chain.doFilter(request, response);
              return;
            }
            String userId = caller.getName();
            List<String> groups =
                identity.createGroupQuery().groupMember(userId).list().stream()
                    .map(Group::getId)
                    .toList();
            if (readsOnly(groups) && !isRead(request)) {
              response.sendError(
                  HttpServletResponse.SC_FORBIDDEN,
                  "auditors read the engine's records and change nothing (no comments, attachments,"
                      + " claims or messages)");
              return;
            }
            identity.setAuthentication(userId, groups);
            try {
              chain.doFilter(request, response);
            } finally {
              identity.clearAuthentication();
            }
          }
        };
    FilterRegistrationBean<OncePerRequestFilter> registration = new FilterRegistrationBean<>(filter);
    registration.addUrlPatterns("/engine-rest/*");
    // After Spring Security's chain (order -100), which establishes the caller.
    registration.setOrder(0);
    return registration;
  }
}
