package org.cabackoffice.auditlog;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import jakarta.persistence.EntityManagerFactory;
import java.nio.charset.StandardCharsets;
import java.time.temporal.TemporalAccessor;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.cabackoffice.application.Application;
import org.cabackoffice.csr.BlockedKey;
import org.cabackoffice.documents.DocumentRequest;
import org.cabackoffice.documents.UploadedDocument;
import org.cabackoffice.domain.CaaEvidence;
import org.cabackoffice.domain.DnsChallenge;
import org.cabackoffice.domain.DnsCheckEvidence;
import org.cabackoffice.domain.DomainControlDecision;
import org.cabackoffice.domain.DomainUseConsent;
import org.cabackoffice.domain.RegistrantComparison;
import org.cabackoffice.domain.RegistrationEvidence;
import org.cabackoffice.issuance.CertificateSigning;
import org.cabackoffice.issuance.IssuedCertificate;
import org.cabackoffice.issuance.PrecertificateSigning;
import org.cabackoffice.payment.BankStatementImport;
import org.cabackoffice.payment.Coupon;
import org.cabackoffice.payment.Invoice;
import org.cabackoffice.payment.Payment;
import org.cabackoffice.revocation.CertificateRevocation;
import org.cabackoffice.revocation.RevocationRequest;
import org.cabackoffice.security.RefusedAttempt;
import org.cabackoffice.verification.DirectoryChange;
import org.cabackoffice.verification.DirectoryImport;
import org.cabackoffice.verification.IssuanceApproval;
import org.cabackoffice.verification.PhoneVerification;
import org.hibernate.action.spi.BeforeTransactionCompletionProcess;
import org.hibernate.engine.spi.SessionFactoryImplementor;
import org.hibernate.event.service.spi.EventListenerRegistry;
import org.hibernate.event.spi.EventSource;
import org.hibernate.event.spi.EventType;
import org.hibernate.event.spi.PostInsertEvent;
import org.hibernate.event.spi.PostInsertEventListener;
import org.hibernate.event.spi.PostUpdateEvent;
import org.hibernate.event.spi.PostUpdateEventListener;
import org.hibernate.persister.entity.EntityPersister;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;

/**
 * Feeds the features' evidence records into the log: every insert and update of an evidence
 * entity, seen by Hibernate's post-insert and post-update events, becomes an entry queued for its
 * transaction's commit. The features know nothing of the log; the log lists what it keeps.
 */
@Component
class RecordedEvidenceFeed implements PostInsertEventListener, PostUpdateEventListener {

  /** What a CA must be able to show (BR 5.4.1): requests, validation, approval, issuance, revocation, refusals. */
  static final Set<Class<?>> EVIDENCE =
      Set.of(
          Application.class,
          PhoneVerification.class,
          IssuanceApproval.class,
          DirectoryImport.class,
          DirectoryChange.class,
          RegistrationEvidence.class,
          RegistrantComparison.class,
          DomainUseConsent.class,
          DnsChallenge.class,
          DnsCheckEvidence.class,
          DomainControlDecision.class,
          CaaEvidence.class,
          DocumentRequest.class,
          UploadedDocument.class,
          Invoice.class,
          Payment.class,
          Coupon.class,
          BankStatementImport.class,
          BlockedKey.class,
          CertificateSigning.class,
          PrecertificateSigning.class,
          IssuedCertificate.class,
          RevocationRequest.class,
          CertificateRevocation.class,
          RefusedAttempt.class,
          // Issue 11: a changed procedure is part of what a certificate went through.
          org.cabackoffice.operations.ModelChange.class,
          // Which instances moved to another version, approved by whom, and which stayed and why.
          org.cabackoffice.operations.InstanceMigration.class);

  /** Longer values (PEM, uploaded files, report texts) enter as their SHA-256: the record holds them. */
  static final int LONGEST_VALUE = 512;

  private static final ObjectMapper CANONICAL =
      new ObjectMapper().configure(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS, true);

  private final TransactionAuditTrail trail;

  RecordedEvidenceFeed(EntityManagerFactory entityManagers, TransactionAuditTrail trail) {
    this.trail = trail;
    EventListenerRegistry listeners =
        entityManagers
            .unwrap(SessionFactoryImplementor.class)
            .getServiceRegistry()
            .getService(EventListenerRegistry.class);
    listeners.appendListeners(EventType.POST_INSERT, this);
    listeners.appendListeners(EventType.POST_UPDATE, this);
  }

  @Override
  public void onPostInsert(PostInsertEvent event) {
    if (EVIDENCE.contains(event.getEntity().getClass())) {
      String[] names = event.getPersister().getPropertyNames();
      record(event.getSession(), entry(event.getEntity(), event.getId(), "recorded", names, event.getState(), null));
    }
  }

  @Override
  public void onPostUpdate(PostUpdateEvent event) {
    if (EVIDENCE.contains(event.getEntity().getClass())) {
      String[] names = event.getPersister().getPropertyNames();
      record(
          event.getSession(),
          entry(event.getEntity(), event.getId(), "changed", names, event.getState(), event.getDirtyProperties()));
    }
  }

  @Override
  public boolean requiresPostCommitHandling(EntityPersister persister) {
    return false;
  }

  private void record(EventSource session, AuditEntry entry) {
    if (!trail.queueIfOpen(entry)) {
      // No queue open (a transaction without engine events, or a flush in the commit itself):
      // append in Hibernate's before-completion step, after its last flush, on this
      // transaction's connection; Hibernate runs it only for a commit.
      session
          .getActionQueue()
          .registerProcess(
              (BeforeTransactionCompletionProcess)
                  completing -> completing.doWork(connection -> trail.appendNow(connection, List.of(entry))));
    }
  }

  static AuditEntry entry(Object entity, Object id, String what, String[] names, Object[] state, int[] changed) {
    String type = entity.getClass().getSimpleName();
    Map<String, Object> details = new TreeMap<>();
    details.put("entity", type);
    details.put("id", id);
    Object applicationId = null;
    Object serial = null;
    for (int i = 0; i < names.length; i++) {
      if ("applicationId".equals(names[i])) {
        applicationId = state[i];
      } else if ("serial".equals(names[i])) {
        serial = state[i];
      }
    }
    if (changed == null) {
      for (int i = 0; i < names.length; i++) {
        details.put(names[i], value(names[i], state[i]));
      }
    } else {
      for (int i : changed) {
        details.put(names[i], value(names[i], state[i]));
      }
    }
    String subject =
        entity instanceof Application
            ? "application:" + id
            : applicationId != null
                ? "application:" + applicationId
                : serial != null ? "certificate:" + serial : type + ":" + id;
    return new AuditEntry("record", type + "." + what, subject, actor(), json(details));
  }

  /** Values as JSON scalars; secrets, files and long texts as their SHA-256, never themselves. */
  static Object value(String name, Object value) {
    if (value == null || value instanceof Boolean || value instanceof Number) {
      return value;
    }
    if (value instanceof byte[] bytes) {
      return "sha256:" + AuditChain.sha256Hex(bytes);
    }
    String text = value instanceof TemporalAccessor || value instanceof Enum<?> ? value.toString() : String.valueOf(value);
    String lower = name.toLowerCase(Locale.ROOT);
    if (text.length() > LONGEST_VALUE
        || lower.contains("token")
        || lower.contains("password")
        || lower.contains("secret")
        || lower.contains("hmac")) {
      return "sha256:" + AuditChain.sha256Hex(text.getBytes(StandardCharsets.UTF_8));
    }
    return text;
  }

  private static String actor() {
    Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
    return authentication == null || !authentication.isAuthenticated() ? null : authentication.getName();
  }

  static String json(Map<String, Object> details) {
    try {
      return CANONICAL.writeValueAsString(details);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("audit details are plain scalars", e);
    }
  }
}
