package org.cabackoffice.acme;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.cabackoffice.domain.DomainAssessment;
import org.cabackoffice.domain.DomainCheck;
import org.cabackoffice.domain.DomainCheckResult;
import org.cabackoffice.input.Truncation;
import org.cabackoffice.verification.OrganizationDirectoryEntry;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Registrant evidence for an order whose organization identity is past its reuse period: the
 * registrant each registrable domain's registry names (WHOIS or RDAP, as the renewal's domain
 * stage looks it up, guide [3-1]; BR 3.2.2.4) beside the organization the ACME account is bound
 * to, and whether the names match. It decides nothing: domain control is the ACME challenge's;
 * the calling officer and the approver weigh it with the call, and auditors read it on the order.
 */
@Service
public class AcmeRegistrants {

  private final AcmeOrderRepository orders;
  private final AcmeAccountRepository accounts;
  private final ValidatedOrganizations organizations;
  private final DomainCheck domainCheck;

  public AcmeRegistrants(
      AcmeOrderRepository orders,
      AcmeAccountRepository accounts,
      ValidatedOrganizations organizations,
      DomainCheck domainCheck) {
    this.orders = orders;
    this.accounts = accounts;
    this.organizations = organizations;
    this.domainCheck = domainCheck;
  }

  /**
   * Looks up the registrant of each of the order's registrable domains and keeps what was found
   * on the order, one line a domain.
   *
   * @throws org.cabackoffice.domain.RegistryUnavailableException a registry gave no usable answer;
   *     the step is retried and then becomes an incident
   */
  @Transactional
  public String lookUp(long orderId) {
    AcmeOrder order = orders.findById(orderId).orElseThrow();
    AcmeAccount account = accounts.findById(order.getAccountId()).orElseThrow();
    OrganizationDirectoryEntry organization = organizations.entry(account.getOrganizationEntryId())
        .orElseThrow(() -> new IllegalStateException(
            "order " + orderId + ": organization record #" + account.getOrganizationEntryId() + " is gone"));
    List<String> names = java.util.stream.Stream.of(organization.getNameEn(), organization.getNameJa())
        .filter(n -> n != null && !n.isBlank()).toList();
    Set<String> registrable = new LinkedHashSet<>();
    order.getDnsNames().forEach(name -> registrable.add(DomainAssessment.registrableDomain(name)));
    StringBuilder evidence = new StringBuilder();
    for (String domain : registrable) {
      if (!evidence.isEmpty()) {
        evidence.append('\n');
      }
      evidence.append(line(domain, domainCheck.check(domain, names), String.join(" / ", names)));
    }
    String found = Truncation.cut(evidence.toString(), 4000);
    order.registrants(found);
    orders.save(order);
    return found;
  }

  private static String line(String domain, DomainCheckResult r, String organization) {
    String source = " (" + r.source() + " " + r.server() + ", evidence #" + r.evidenceId() + ")";
    if (!r.registered()) {
      return domain + ": not registered" + source;
    }
    String registrant = r.registrantOrganization() == null ? "not disclosed" : "\"" + r.registrantOrganization() + "\"";
    String verdict = switch (r.match()) {
      case MATCH -> "matches the organization / 一致";
      case CLOSE -> "close to the organization, compare / 類似 (要確認)";
      case NO_MATCH -> "does not match the organization / 不一致";
      case NO_REGISTRANT -> "no registrant to compare / 登録者名なし";
    };
    String expired = r.registrationExpired()
        ? "; the registration expired on " + r.registrationExpiresOn() + " / 登録の有効期限切れ"
        : "";
    return domain + ": registrant " + registrant + " vs \"" + organization + "\": " + verdict + expired + source;
  }
}
