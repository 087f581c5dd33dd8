package org.cabackoffice.csr;

import com.fasterxml.jackson.annotation.JsonIgnore;
import java.util.List;

/**
 * The outcome of {@link CsrCheck#check}.
 *
 * @param acceptable true when no finding is an ERROR
 * @param sans the dNSName subjectAltNames of the extension request, in their order
 * @param subjectPublicKeyInfo the DER SubjectPublicKeyInfo, for the issuer; not for clients
 */
public record CsrCheckResult(
    boolean acceptable,
    List<Finding> findings,
    CsrSubject subject,
    CsrPublicKey publicKey,
    List<String> sans,
    @JsonIgnore byte[] subjectPublicKeyInfo) {

  public CsrCheckResult {
    findings = List.copyOf(findings);
    sans = List.copyOf(sans);
    subjectPublicKeyInfo = subjectPublicKeyInfo.clone();
  }

  /** Whether a finding with this code is among the findings. */
  public boolean has(String code) {
    return findings.stream().anyMatch(f -> f.code().equals(code));
  }

  @Override
  public byte[] subjectPublicKeyInfo() {
    return subjectPublicKeyInfo.clone();
  }
}
