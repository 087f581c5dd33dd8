package org.cabackoffice.application;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.cabackoffice.calendar.BusinessCalendar;
import org.cabackoffice.issuance.IssuedCertificates;
import org.cabackoffice.workflow.RenewalProcess.Variables;
import org.cabackoffice.workflow.TaskFormFacts;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Guide [1-2] FAQ (同一コモンネームのサーバ ID を複数申請するには): several certificates may be
 * issued for the same common name, e.g. for a load-balanced site's servers, each applied for on
 * its own. Nothing refuses the second application, but the officers working one see the others,
 * so a duplicate by mistake or a stranger's application for the same site does not go unnoticed.
 */
@Component
public class SameCommonName implements TaskFormFacts {

  /** Below the engine's 4,000 characters for a text variable, with room for the count line. */
  static final int MAX_SHOWN = 3800;

  private final ApplicationRepository applications;
  private final IssuedCertificates certificates;

  public SameCommonName(ApplicationRepository applications, IssuedCertificates certificates) {
    this.applications = applications;
    this.certificates = certificates;
  }

  /** Another application for the same common name, as officers see it. */
  public record OtherApplication(
      long id,
      ApplicationStatus status,
      String organizationNameEn,
      Instant submittedAt,
      String serial) {

    /** One line of a form: "#12 ISSUED, Sample K.K., submitted 2026-12-01 10:00, serial 3a…". */
    String line() {
      return "#"
          + id
          + " "
          + status
          + ", "
          + organizationNameEn
          + ", submitted "
          + BusinessCalendar.shown(submittedAt)
          + (serial == null ? "" : ", serial " + serial);
    }
  }

  /** The other applications for the application's common name, oldest first. */
  @Transactional(readOnly = true)
  public List<OtherApplication> as(Application application) {
    if (application.getCommonName() == null || application.getCommonName().isBlank()) {
      return List.of();
    }
    List<Application> others = applications.sameCommonNameAs(application.getCommonName(), application.getId());
    Map<Long, String> serials =
        certificates.serialsIssuedFor(
            others.stream().filter(a -> a.getStatus() == ApplicationStatus.ISSUED).map(Application::getId).toList());
    return others.stream()
        .map(
            a ->
                new OtherApplication(
                    a.getId(),
                    a.getStatus(),
                    a.getOrganizationNameEn(),
                    a.getSubmittedAt(),
                    a.getStatus() == ApplicationStatus.ISSUED ? serials.get(a.getId()) : null))
        .toList();
  }

  /** For the officers' forms: one line per other application, or that there is none. */
  @Override
  @Transactional(readOnly = true)
  public Map<String, Object> of(long applicationId) {
    return applications
        .findById(applicationId)
        .map(this::as)
        .map(
            others ->
                Map.<String, Object>of(Variables.SAME_COMMON_NAME, shown(others, applicationId)))
        .orElse(Map.of());
  }

  /**
   * The engine keeps a text variable in a 4,000-character column: the newest lines that fit, and
   * how many more the application's API lists.
   */
  static String shown(List<OtherApplication> others, long applicationId) {
    if (others.isEmpty()) {
      return "None / なし";
    }
    List<String> lines = new ArrayList<>();
    int length = 0;
    for (int i = others.size() - 1; i >= 0; i--) {
      String line = others.get(i).line();
      if (length + line.length() + 1 > MAX_SHOWN) {
        break;
      }
      lines.add(0, line);
      length += line.length() + 1;
    }
    int left = others.size() - lines.size();
    if (left > 0) {
      lines.add(0, left + " older: GET /api/applications/" + applicationId);
    }
    return String.join("\n", lines);
  }
}
