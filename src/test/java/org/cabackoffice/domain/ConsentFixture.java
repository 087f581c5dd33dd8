package org.cabackoffice.domain;

import org.cabackoffice.testsupport.MutableClock;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.cabackoffice.mail.MailTemplates;
import org.cabackoffice.mail.OutgoingMail;
import org.cabackoffice.mail.Outbox;
import org.cabackoffice.workflow.ProcessSignals;

/** DomainUseConsents wired with fakes: a list outbox, recorded signals, a clock to move. */
final class ConsentFixture {

  static final long APPLICATION = 42L;
  static final String SENDER = "CA Back Office <as-help@backoffice.example>";

  final InMemoryDomainUseConsents repository = new InMemoryDomainUseConsents();
  final InMemoryRegistrationEvidence registrations = new InMemoryRegistrationEvidence();
  final List<OutgoingMail> outbox = new ArrayList<>();
  final Set<String> dedupKeys = new java.util.HashSet<>();
  final List<Delivered> delivered = new ArrayList<>();
  boolean processWaiting = true;
  final MutableClock clock = new MutableClock(Instant.parse("2025-06-02T01:00:00Z"));
  final DomainUseConsents consents;

  record Delivered(String message, long applicationId, Map<String, Object> variables) {}

  ConsentFixture() {
    Outbox listOutbox =
        mail -> {
          if (dedupKeys.add(mail.dedupKey())) { // the outbox contract: a key is stored once
            outbox.add(mail);
          }
        };
    ApplicantOrganizations applicants =
        id -> id == APPLICATION ? Optional.of("サンプル株式会社 (Sample K.K.)") : Optional.empty();
    consents =
        new DomainUseConsents(
            repository,
            registrations,
            applicants,
            new MailTemplates(),
            listOutbox,
            new RecordingSignals(),
            clock,
            new DomainConsentProperties(null),
            SENDER,
            "https://backoffice.example/");
  }

  String tokenOf(String email) {
    return repository.saved.stream()
        .filter(c -> c.getEmail().equals(email))
        .findFirst()
        .orElseThrow()
        .getToken();
  }

  final class RecordingSignals implements ProcessSignals {
    @Override
    public void startApplicationProcess(long applicationId, Map<String, Object> variables) {
      throw new UnsupportedOperationException();
    }

    @Override
    public void deliver(String messageName, long applicationId, Map<String, Object> variables) {
      if (!processWaiting) {
        throw new NoProcessWaitingException("no process of " + applicationId + " waits");
      }
      delivered.add(new Delivered(messageName, applicationId, variables));
    }

    @Override
    public List<String> currentActivities(long applicationId) {
      return List.of();
    }
  }
}
