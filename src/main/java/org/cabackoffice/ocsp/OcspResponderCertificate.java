package org.cabackoffice.ocsp;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/**
 * A short-lived certificate the issuing CA issued to the OCSP responder key in the keystore (RFC
 * 6960 4.2.2.2). In the database so every node signs with the newest one the same way.
 */
@Entity
@Table(name = "ocsp_responder_certificate")
public class OcspResponderCertificate {

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;

  @Column(nullable = false, unique = true, length = 42)
  private String serial;

  @Column(name = "not_before", nullable = false)
  private Instant notBefore;

  @Column(name = "not_after", nullable = false)
  private Instant notAfter;

  @Column(nullable = false)
  private byte[] der;

  protected OcspResponderCertificate() {}

  OcspResponderCertificate(String serial, Instant notBefore, Instant notAfter, byte[] der) {
    this.serial = serial;
    this.notBefore = notBefore;
    this.notAfter = notAfter;
    this.der = der.clone();
  }

  public String serial() {
    return serial;
  }

  public Instant notBefore() {
    return notBefore;
  }

  public Instant notAfter() {
    return notAfter;
  }

  public byte[] der() {
    return der.clone();
  }
}
