package org.cabackoffice.documents;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Date;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

/** One class per action, one bean per kind: the BPMN's names and each kind's own variables. */
class DocumentDelegatesTest {

  private final DocumentStage stage = mock(DocumentStage.class);
  private final ApplicationContextRunner context =
      new ApplicationContextRunner()
          .withUserConfiguration(DocumentDelegates.class)
          .withBean(DocumentStage.class, () -> stage)
          .withBean(DocumentRequests.class, () -> mock(DocumentRequests.class));

  @Test
  void everyDocumentBeanTheModelNamesExists() throws Exception {
    StringBuilder model = new StringBuilder();
    try (var files = Files.list(Path.of("bpmn"))) {
      for (Path file : files.filter(f -> f.toString().endsWith(".bpmn")).toList()) {
        model.append(Files.readString(file));
      }
    }
    Matcher expressions = Pattern.compile("delegateExpression=\"\\$\\{(\\w+)}\"").matcher(model);
    Set<String> named = expressions.results().map(m -> m.group(1)).collect(Collectors.toSet());
    context.run(
        beans -> {
          Set<String> documentBeans =
              Set.of(
                  "requestDocumentsDelegate", "requestEmploymentCertificateDelegate",
                  "remindDocumentsDelegate", "remindEmploymentCertificateDelegate",
                  "closeDocumentRequestDelegate", "closeEmploymentCertificateRequestDelegate",
                  "documentReviewListener", "employmentCertificateReviewListener",
                  "requestRegistryCertificateDelegate", "remindRegistryCertificateDelegate",
                  "closeRegistryCertificateRequestDelegate", "registryCertificateReviewListener");
          assertThat(named).containsAll(documentBeans);
          for (String name : documentBeans) {
            assertThat(beans).hasBean(name);
          }
        });
  }

  @Test
  void eachKindIsRequestedWithItsOwnWordsAndTimers() {
    Date reminder = new Date(1_000L);
    Date expiry = new Date(2_000L);
    when(stage.request(7L, DocumentKind.SUPPORTING_DOCUMENTS, "登記事項証明書"))
        .thenReturn(new DocumentStage.Waiting(reminder, expiry, "https://ra/7"));
    when(stage.requestWithFixedWords(7L, DocumentKind.EMPLOYMENT_CERTIFICATE))
        .thenReturn(new DocumentStage.Waiting(reminder, expiry, "https://ra/7"));
    when(stage.requestWithFixedWords(7L, DocumentKind.REGISTRY_CERTIFICATE))
        .thenReturn(new DocumentStage.Waiting(reminder, expiry, "https://ra/7"));
    context.run(
        beans -> {
          DelegateExecution documents = execution();
          when(documents.getVariable("documentsNote")).thenReturn("登記事項証明書");
          beans.getBean("requestDocumentsDelegate", RequestDocumentDelegate.class).execute(documents);
          verify(documents).setVariable("documentsReminderAt", reminder);
          verify(documents).setVariable("documentsExpireAt", expiry);
          verify(documents).setVariable("documentsUrl", "https://ra/7");

          DelegateExecution employment = execution();
          when(employment.getVariable("documentsNote")).thenReturn("an officer's internal call notes");
          beans.getBean("requestEmploymentCertificateDelegate", RequestDocumentDelegate.class).execute(employment);
          // the fixed words of guide [4], never the officer's notes
          verify(stage).requestWithFixedWords(7L, DocumentKind.EMPLOYMENT_CERTIFICATE);
          verify(employment).setVariable("employmentCertificateReminderAt", reminder);
          verify(employment).setVariable("employmentCertificateExpiresAt", expiry);

          // Guide [1-1]: the registry certificate of an unlisted organization, also in fixed words.
          DelegateExecution registry = execution();
          beans.getBean("requestRegistryCertificateDelegate", RequestDocumentDelegate.class).execute(registry);
          verify(stage).requestWithFixedWords(7L, DocumentKind.REGISTRY_CERTIFICATE);
          verify(registry).setVariable("registryCertificateReminderAt", reminder);
          verify(registry).setVariable("registryCertificateExpiresAt", expiry);
          beans.getBean("closeRegistryCertificateRequestDelegate", CloseDocumentRequestDelegate.class).execute(execution());
          verify(stage).expire(7L, DocumentKind.REGISTRY_CERTIFICATE);

          beans.getBean("remindEmploymentCertificateDelegate", RemindDocumentDelegate.class).execute(execution());
          verify(stage).remind(7L, DocumentKind.EMPLOYMENT_CERTIFICATE);
          beans.getBean("closeDocumentRequestDelegate", CloseDocumentRequestDelegate.class).execute(execution());
          verify(stage).expire(7L, DocumentKind.SUPPORTING_DOCUMENTS);
        });
  }

  private static DelegateExecution execution() {
    DelegateExecution execution = mock(DelegateExecution.class);
    when(execution.getProcessBusinessKey()).thenReturn("7");
    return execution;
  }
}
