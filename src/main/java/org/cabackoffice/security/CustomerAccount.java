package org.cabackoffice.security;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/**
 * A storefront account. Its user ID is the technical contact's e-mail (guide [2]): the address
 * that receives the certificate and owns the dedicated virtual bank account.
 */
@Entity
@Table(name = "customer_account")
public class CustomerAccount {

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;

  @Column(nullable = false, unique = true)
  private String email;

  @Column(name = "company_name", nullable = false)
  private String companyName;

  @Column(name = "display_name", nullable = false)
  private String displayName;

  @Column(name = "password_hash", nullable = false)
  private String passwordHash;

  @Column(name = "created_at", nullable = false)
  private Instant createdAt;

  protected CustomerAccount() {}

  public CustomerAccount(
      String email, String companyName, String displayName, String passwordHash, Instant createdAt) {
    this.email = email;
    this.companyName = companyName;
    this.displayName = displayName;
    this.passwordHash = passwordHash;
    this.createdAt = createdAt;
  }

  public Long getId() {
    return id;
  }

  public String getEmail() {
    return email;
  }

  public String getCompanyName() {
    return companyName;
  }

  public String getDisplayName() {
    return displayName;
  }

  String getPasswordHash() {
    return passwordHash;
  }

  /** Only through a mailed reset link ({@link PasswordResets}). */
  void changePassword(String newPasswordHash) {
    this.passwordHash = newPasswordHash;
  }
}
