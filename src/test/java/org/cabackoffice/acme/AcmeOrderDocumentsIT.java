package org.cabackoffice.acme;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import org.cabackoffice.documents.DocumentFixtures;
import org.cabackoffice.it.BackOfficeIT;
import org.cabackoffice.mail.CaughtMail;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;

/**
 * An order's identity steps ask the customer the EAB credential was issued to for documents
 * through the same link, page and store as an application's (V117: a request serves an application
 * or an order, exactly one); the process side is AcmeOrderProcessTest's.
 */
class AcmeOrderDocumentsIT extends BackOfficeIT {

  @Autowired AcmeOrderRepository orders;
  @Autowired AcmeIdentityDocuments documents;
  @Autowired JdbcTemplate jdbc;
  @Autowired AcmeOrders acmeOrders;
  @Autowired AcmeIdentityConfirmationRepository confirmations;

  @Test
  void anOrdersEmploymentCertificateGoesToTheEabCustomerAndItsUploadIsKeptForTheOfficers() {
    long orderId = orderOfTheCustomer("docs.sample-direct.jp", "mailto:key-holder@example.net");

    documents.requestEmploymentCertificate(orderId, "Tanaka, general manager");

    CaughtMail mail = mailsTo(CUSTOMER).stream()
        .filter(m -> m.subject().contains("ACME order " + orderId + ")")).findFirst().orElseThrow();
    assertThat(mail.subject()).contains("在籍証明書ご提出のお願い (ACME 注文 " + orderId + ")");
    assertThat(mail.text()).contains("Tanaka, general manager", "processing");
    assertThat(mailsTo("key-holder@example.net")).as("the key holder's unverified contact gets no link").isEmpty();
    String page = link(mail, "documents");
    assertThat(http.getForObject(page + "?lang=en", String.class)).contains("ACME order", String.valueOf(orderId));

    HttpHeaders headers = new HttpHeaders();
    headers.setContentType(MediaType.MULTIPART_FORM_DATA);
    headers.setAccept(List.of(MediaType.APPLICATION_JSON));
    MultiValueMap<String, Object> body = new LinkedMultiValueMap<>();
    body.add("file", new ByteArrayResource(DocumentFixtures.pdf(1)) {
      @Override
      public String getFilename() {
        return "zaiseki-shoumeisho.pdf";
      }
    });
    ResponseEntity<Map> upload = http.postForEntity(page, new HttpEntity<>(body, headers), Map.class);
    assertThat(upload.getStatusCode()).isEqualTo(HttpStatus.CREATED);
    assertThat(upload.getBody().get("applicationId")).isNull();
    assertThat(upload.getBody()).containsEntry("acmeOrderId", (int) orderId)
        // This order has no process: the file is kept for the officer all the same.
        .containsEntry("processNotified", false);

    List<Map<String, Object>> listed = as("officer", "officer").getForObject("/api/acme/orders/" + orderId + "/documents", List.class);
    assertThat(listed).singleElement().satisfies(r -> {
      assertThat(r).containsEntry("kind", "EMPLOYMENT_CERTIFICATE").containsEntry("status", "UPLOADED");
      assertThat(r.get("documents").toString()).contains("zaiseki-shoumeisho.pdf");
    });
    assertThatThrownBy(() -> jdbc.update("update document_request set acme_order_id = null where acme_order_id = ?", orderId))
        .as("a request serves an application or an order")
        .isInstanceOf(DataIntegrityViolationException.class);
  }

  @Test
  void anOfficerAttachesAnEmploymentCertificateThatCameByFaxToTheOrdersOpenRequest() {
    long orderId = orderOfTheCustomer("fax.sample-direct.jp", null);
    String path = "/api/acme/orders/" + orderId + "/documents";

    ResponseEntity<Map> nothingAsked = as("officer", "officer").postForEntity(path, fax(), Map.class);
    assertThat(nothingAsked.getStatusCode().is4xxClientError()).as("no open request: " + nothingAsked.getBody()).isTrue();
    assertThat(String.valueOf(nothingAsked.getBody())).contains("ACME order " + orderId);

    documents.requestEmploymentCertificate(orderId, "Sato, director");
    assertThat(customer().postForEntity(path, fax(), Map.class).getStatusCode())
        .as("the customer uploads through the link, not this officers' endpoint").isEqualTo(HttpStatus.FORBIDDEN);
    ResponseEntity<Map> attached = as("officer", "officer").postForEntity(path, fax(), Map.class);

    assertThat(attached.getStatusCode()).isEqualTo(HttpStatus.CREATED);
    assertThat(attached.getBody()).containsEntry("acmeOrderId", (int) orderId)
        .containsEntry("arrivedBy", "FAX").containsEntry("attachedBy", "officer");
    List<Map<String, Object>> listed = as("officer", "officer").getForObject(path, List.class);
    assertThat(listed).singleElement().satisfies(r -> {
      assertThat(r).containsEntry("kind", "EMPLOYMENT_CERTIFICATE").containsEntry("status", "UPLOADED");
      assertThat(r.get("documents").toString()).contains("fax-zaiseki.pdf", "FAX");
    });
  }

  @Test
  void aCallWaitingForTheSecondOfficerSaysSoWhenARefusedDocumentEndsTheOrder() {
    long orderId = orderOfTheCustomer("ended.sample-direct.jp", null);
    long entry = jdbc.queryForObject("select min(id) from organization_directory_entry", Long.class);
    long callId = confirmations.save(new AcmeIdentityConfirmation(orderId, entry, "officer", "spoke with Sato", Instant.now())).getId();

    acmeOrders.fail(orderId, "the CA's officer did not accept the employment certificate: unsigned");

    AcmeIdentityConfirmation call = confirmations.findById(callId).orElseThrow();
    assertThat(call.pending()).as("no longer waiting for a second officer").isFalse();
    assertThat(call.reusable()).as("never approved, so never reused").isFalse();
    assertThat(call.getApproval()).isEqualTo("ENDED");
    assertThat(call.getApprovalNote()).contains("did not accept the employment certificate");
  }

  /**
   * An order of an ACME account bound (as EAB binds it) to the demo customer and a directory
   * record; {@code contact} is the account's own, unverified contact.
   */
  private long orderOfTheCustomer(String dnsName, String contact) {
    Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
    long customer = jdbc.queryForObject("select id from customer_account where email = ?", Long.class, CUSTOMER);
    long entry = jdbc.queryForObject("select min(id) from organization_directory_entry", Long.class);
    String thumbprint = "documents-" + System.nanoTime();
    jdbc.update("insert into acme_account (key_thumbprint, jwk, customer_account_id, organization_entry_id, eab_kid, status, contact, created_at)"
            + " values (?, '{}', ?, ?, 'eab-documents', 'valid', ?, ?)",
        thumbprint, customer, entry, contact, java.sql.Timestamp.from(now));
    long account = jdbc.queryForObject("select id from acme_account where key_thumbprint = ?", Long.class, thumbprint);
    return orders.save(new AcmeOrder(account, List.of(dnsName), now, now.plus(1, ChronoUnit.HOURS))).getId();
  }

  private static HttpEntity<MultiValueMap<String, Object>> fax() {
    HttpHeaders headers = new HttpHeaders();
    headers.setContentType(MediaType.MULTIPART_FORM_DATA);
    headers.setAccept(List.of(MediaType.APPLICATION_JSON));
    MultiValueMap<String, Object> body = new LinkedMultiValueMap<>();
    body.add("arrivedBy", "FAX");
    body.add("file", new ByteArrayResource(DocumentFixtures.pdf(1)) {
      @Override
      public String getFilename() {
        return "fax-zaiseki.pdf";
      }
    });
    return new HttpEntity<>(body, headers);
  }
}
