package org.cabackoffice.storefront;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyLong;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import jakarta.validation.Validation;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import org.cabackoffice.application.Application;
import org.cabackoffice.application.Applications;
import org.cabackoffice.billing.BillingDocuments;
import org.cabackoffice.csr.CsrCheck;
import org.cabackoffice.domain.DomainControl;
import org.cabackoffice.issuance.IssuedCertificates;
import org.cabackoffice.pages.TestPages;
import org.cabackoffice.security.CurrentUser;
import org.cabackoffice.security.CustomerAccount;
import org.cabackoffice.security.CustomerAccounts;
import org.cabackoffice.testsupport.CsrFactory;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.test.util.ReflectionTestUtils;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;

/**
 * The apply page's choice of domain validation method (BR 3.2.2.4: the methods this CA offers),
 * Japanese first (standalone MockMvc; roles and CSRF are the security chain's, held by the ITs):
 * the choice is offered with DNS change preselected, a method that cannot validate the CSR's CN
 * is refused beside the field before anything is applied for, and a method chosen is kept for the
 * application's domain step.
 */
class ApplyPageDomainValidationTest {

  static final String EMAIL = "tech@sample.co.jp";

  Applications applications = mock(Applications.class);
  DomainControl domainControl = mock(DomainControl.class);
  CurrentUser currentUser = mock(CurrentUser.class);
  CustomerAccounts customers = mock(CustomerAccounts.class);
  MockMvc mvc;

  @BeforeEach
  void setUp() {
    CustomerAccount account = new CustomerAccount(EMAIL, "Sample K.K.", "Taro Sample", "{noop}x", Instant.EPOCH);
    ReflectionTestUtils.setField(account, "id", 7L);
    when(currentUser.name()).thenReturn(EMAIL);
    when(customers.byEmail(EMAIL)).thenReturn(Optional.of(account));
    StorefrontPages pages = new StorefrontPages(TestPages.create(), currentUser, customers);
    mvc =
        MockMvcBuilders.standaloneSetup(
                new ApplyController(
                    pages, applications, mock(IssuedCertificates.class), new CsrCheck(),
                    Validation.buildDefaultValidatorFactory().getValidator(), mock(BillingDocuments.class),
                    domainControl, Clock.fixed(Instant.parse("2026-12-07T01:00:00Z"), ZoneOffset.UTC)))
            .build();
  }

  @Test
  void thePageOffersTheMethodsInJapaneseWithDnsChangePreselected() throws Exception {
    String html = html(mvc.perform(get("/apply")).andReturn(), 200);

    assertThat(html)
        .contains("ドメイン認証の方法")
        .contains("DNS TXT レコード (_pki-validation、申請ごとのランダム値)")
        .contains("Web サイト上のファイル (/.well-known/pki-validation/、この FQDN のみ)")
        .contains("永続的な DNS TXT レコード (_validation-persist、アカウントの URI)");
    assertThat(html).containsPattern("id=\"dv-3-2-2-4-7\" value=\"3.2.2.4.7\"\\s+checked");
    assertThat(html).containsPattern("id=\"dv-3-2-2-4-18\" value=\"3.2.2.4.18\"\\s*>");

    assertThat(html(mvc.perform(get("/apply").param("lang", "en")).andReturn(), 200))
        .contains("Domain validation method", "File on the website (/.well-known/pki-validation/, this FQDN only)");
  }

  @Test
  void aWebsiteFileForAWildcardIsRefusedBesideTheFieldAndNothingIsAppliedFor() throws Exception {
    String html = html(mvc.perform(form("*.sample.co.jp", "3.2.2.4.18")).andReturn(), 422);

    assertThat(html)
        .contains("id=\"domainValidationMethod-error\"")
        .contains("選んだ方法ではこのコモンネームを認証できません (ワイルドカード証明書は DNS の方法のみ)。");
    assertThat(html).containsPattern("id=\"dv-3-2-2-4-18\" value=\"3.2.2.4.18\"\\s+checked");
    verify(applications, never()).submit(anyString(), any());
    verify(domainControl, never()).choose(anyLong(), anyString(), anyString());
  }

  @Test
  void aMethodNotOfferedIsRefusedInTheReadersLanguage() throws Exception {
    String html = html(mvc.perform(form("www.sample.co.jp", "3.2.2.4.19").param("lang", "en")).andReturn(), 422);

    assertThat(html).contains("method 3.2.2.4.19 is not offered; choose one of [3.2.2.4.7, 3.2.2.4.18, 3.2.2.4.22]");
    verify(applications, never()).submit(anyString(), any());
  }

  @Test
  void theChosenMethodIsKeptForTheApplicationsDomainStep() throws Exception {
    Application application = mock(Application.class);
    when(application.getId()).thenReturn(41L);
    when(applications.submit(eq(EMAIL), any())).thenReturn(application);

    MvcResult result = mvc.perform(form("www.sample.co.jp", "3.2.2.4.22")).andReturn();

    assertThat(result.getResponse().getStatus()).as(result.getResponse().getContentAsString()).isEqualTo(303);
    assertThat(result.getResponse().getHeader("Location")).isEqualTo("/applications/41?submitted&lang=ja");
    verify(domainControl).choose(41L, "3.2.2.4.22", EMAIL);
  }

  @Test
  void dnsChangeIsTheStepsOwnDefaultAndNeedsNoRecordedChoice() throws Exception {
    Application application = mock(Application.class);
    when(application.getId()).thenReturn(42L);
    when(applications.submit(eq(EMAIL), any())).thenReturn(application);

    assertThat(mvc.perform(form("www.sample.co.jp", "3.2.2.4.7")).andReturn().getResponse().getStatus()).isEqualTo(303);
    verify(domainControl, never()).choose(anyLong(), anyString(), anyString());
  }

  private static MockHttpServletRequestBuilder form(String commonName, String method) throws Exception {
    String csr =
        CsrFactory.pem(
            CsrFactory.p256(), "CN=" + commonName + ", O=Sample K.K., L=Chuo-ku, ST=Tokyo, C=JP", List.of(commonName));
    return post("/apply")
        .contentType("application/x-www-form-urlencoded")
        .param("action", "apply")
        .param("product", "GLOBAL_SERVER_ID")
        .param("licences", "1")
        .param("serverSoftware", "APACHE_OPENSSL")
        .param("paymentMethod", "BANK_TRANSFER")
        .param("csr", csr)
        .param("domainValidationMethod", method)
        .param("orgNameEn", "Sample K.K.")
        .param("orgNameJa", "サンプル株式会社")
        .param("orgLocality", "Chuo-ku")
        .param("orgState", "Tokyo")
        .param("orgCountry", "JP")
        .param("respName", "Hanako Sample")
        .param("respTitle", "Manager")
        .param("respEmail", "hanako@sample.co.jp")
        .param("respPhone", "03-5555-0100")
        .param("techCompany", "Sample K.K.")
        .param("techName", "Taro Sample")
        .param("techEmail", EMAIL)
        .param("techPhone", "03-5555-0101");
  }

  private static String html(MvcResult result, int status) throws Exception {
    String body = result.getResponse().getContentAsString(StandardCharsets.UTF_8);
    assertThat(result.getResponse().getStatus()).as(body).isEqualTo(status);
    return body;
  }
}
