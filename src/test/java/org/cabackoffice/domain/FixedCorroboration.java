package org.cabackoffice.domain;

import java.util.ArrayList;
import java.util.List;
import org.cabackoffice.domain.corroboration.MultiPerspectiveCorroboration;

/**
 * Remote perspectives that answer as the test says, for tests of the primary's own checks; the
 * perspectives themselves are tested in RemotePerspectivesIT.
 */
final class FixedCorroboration implements MultiPerspectiveCorroboration {

  private Outcome outcome;
  final List<String> asked = new ArrayList<>();
  final List<CaaRequester> caaRequesters = new ArrayList<>();

  private FixedCorroboration(Outcome outcome) {
    this.outcome = outcome;
  }

  static FixedCorroboration corroborating() {
    return new FixedCorroboration(new Outcome(true, "corroborated 4/4 by remote perspectives", null));
  }

  FixedCorroboration refusing(String summary) {
    outcome = new Outcome(false, summary, null);
    return this;
  }

  @Override
  public Outcome dnsChange(Long applicationId, String recordName, String expectedValue) {
    asked.add(recordName);
    return outcome;
  }

  @Override
  public Outcome persistentDcvRecord(
      long applicationId, String recordName, String accountUri, List<String> issuerDomains) {
    asked.add(recordName);
    return outcome;
  }

  @Override
  public Outcome websiteFile(long applicationId, String fqdn, String fileName, String expectedValue) {
    asked.add(WebsiteFileFetch.url(fqdn, fileName));
    return outcome;
  }

  @Override
  public Outcome acmeHttp01(String fqdn, String token, String keyAuthorization) {
    asked.add(WebsiteFileFetch.acmeChallengeUrl(fqdn, token));
    return outcome;
  }

  @Override
  public Outcome caa(
      long applicationId, List<String> dnsNames, List<String> issuerDomains, List<CaaRequester> requesters) {
    asked.addAll(dnsNames);
    caaRequesters.addAll(requesters);
    return outcome;
  }

  @Override
  public Outcome acmeOrderCaa(
      long acmeOrderId, List<String> dnsNames, List<String> issuerDomains, List<CaaRequester> requesters) {
    return caa(0, dnsNames, issuerDomains, requesters);
  }
}
