package org.cabackoffice.application;

import jakarta.persistence.criteria.CriteriaBuilder;
import jakarta.persistence.criteria.Expression;
import jakarta.persistence.criteria.Join;
import jakarta.persistence.criteria.Predicate;
import jakarta.persistence.criteria.Root;
import jakarta.persistence.criteria.Subquery;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.cabackoffice.calendar.BusinessCalendar;
import org.cabackoffice.workflow.ProcessStages;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.jpa.domain.Specification;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The application list behind {@code GET /api/applications}: staff read every application
 * (DESIGN.md, roles), a customer only its own; filters are combined with AND.
 */
@Service
public class ApplicationSearch {

  private final ApplicationRepository applications;
  private final ProcessStages stages;

  public ApplicationSearch(ApplicationRepository applications, ProcessStages stages) {
    this.applications = applications;
    this.stages = stages;
  }

  /** Reads the request's parameters against the stages of the deployed model. */
  public ApplicationQuery read(ApplicationQuery.Parameters parameters) {
    // The stage list goes into a refusal's message only: reading every deployed model for it on
    // each list request was a quarter of a customer's GET /api/applications (JFR, issue 12).
    return ApplicationQuery.parse(
        parameters, stages::isStage, () -> List.copyOf(stages.knownStages()));
  }

  /**
   * One page of the applications that match.
   *
   * @param customerAccountId the customer whose applications alone are listed; null for staff
   */
  @Transactional(readOnly = true)
  public Page<Application> search(ApplicationQuery query, Long customerAccountId) {
    Set<Long> atStage = query.stage() == null ? null : stages.applicationsAt(query.stage());
    Set<Long> worked = query.officer() == null ? null : stages.applicationsWorkedBy(query.officer());
    Specification<Application> matching =
        (root, criteria, cb) -> {
          List<Predicate> all = new ArrayList<>();
          if (customerAccountId != null) {
            all.add(cb.equal(root.get("customerAccountId"), customerAccountId));
          }
          if (query.status() != null) {
            all.add(cb.equal(root.get("status"), query.status()));
          }
          if (query.product() != null) {
            all.add(cb.equal(root.get("product"), query.product()));
          }
          if (atStage != null) {
            all.add(atStage.isEmpty() ? cb.disjunction() : root.get("id").in(atStage));
          }
          if (worked != null) {
            all.add(worked.isEmpty() ? cb.disjunction() : root.get("id").in(worked));
          }
          if (query.rejection() != null) {
            all.add(cb.equal(root.get("rejectionCode"), query.rejection().name()));
          }
          if (query.domain() != null) {
            all.add(domain(root, criteria, cb, query.domain()));
          }
          if (query.organization() != null) {
            String part = "%" + escapeLike(query.organization().toLowerCase(Locale.ROOT)) + "%";
            all.add(
                cb.or(
                    cb.like(cb.lower(root.get("organizationNameEn")), part, '\\'),
                    cb.like(cb.lower(root.get("organizationNameJa")), part, '\\')));
          }
          // Dates are Japanese calendar dates (issue 8 item 4): a day runs from 00:00 JST.
          if (query.submittedFrom() != null) {
            all.add(
                cb.greaterThanOrEqualTo(
                    root.get("submittedAt"),
                    query.submittedFrom().atStartOfDay(BusinessCalendar.ZONE).toInstant()));
          }
          if (query.submittedTo() != null) {
            all.add(
                cb.lessThan(
                    root.get("submittedAt"),
                    query.submittedTo().plusDays(1).atStartOfDay(BusinessCalendar.ZONE).toInstant()));
          }
          return cb.and(all.toArray(Predicate[]::new));
        };
    return applications.findAll(
        matching, PageRequest.of(query.page(), query.size(), query.sort()));
  }

  /**
   * The CN or a SAN is the domain or lies under it: "sample.co.jp" finds www.sample.co.jp and
   * sample.co.jp, never notsample.co.jp. The CN column counts too, for rows the backfill has not
   * reached yet.
   */
  private static Predicate domain(
      Root<Application> root,
      jakarta.persistence.criteria.CriteriaQuery<?> criteria,
      CriteriaBuilder cb,
      String domain) {
    String under = "%." + escapeLike(domain);
    Subquery<Long> named = criteria.subquery(Long.class);
    Root<Application> same = named.from(Application.class);
    Join<Application, String> name = same.join("dnsNames");
    named
        .select(same.get("id"))
        .where(
            cb.equal(same.get("id"), root.get("id")),
            cb.or(cb.equal(name, domain), cb.like(name, under, '\\')));
    Expression<String> commonName = cb.lower(root.get("commonName"));
    return cb.or(
        cb.exists(named), cb.equal(commonName, domain), cb.like(commonName, under, '\\'));
  }

  static String escapeLike(String text) {
    return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
  }
}
