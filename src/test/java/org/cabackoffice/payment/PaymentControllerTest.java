package org.cabackoffice.payment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.Arrays;
import org.cabackoffice.mail.MailTemplates;
import org.junit.jupiter.api.Test;
import com.fasterxml.jackson.databind.SerializationFeature;
import org.springframework.http.MediaType;
import org.springframework.http.converter.json.Jackson2ObjectMapperBuilder;
import org.springframework.http.converter.json.MappingJackson2HttpMessageConverter;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.core.annotation.AnnotatedElementUtils;

class PaymentControllerTest {

  private final InMemoryPaymentStore store = new InMemoryPaymentStore();
  private final RecordingProcessSignals signals = new RecordingProcessSignals();
  private final Invoices invoices =
      new Invoices(
          store.invoiceRepository,
          new java.util.concurrent.atomic.AtomicLong(1)::getAndIncrement,
          new VirtualAccounts(store.virtualAccountRepository, InvoicesTest.CLOCK),
          store.virtualAccountRepository,
          InvoicesTest.defaults(),
          new MailTemplates(),
          new ArrayList<>()::add,
          InvoicesTest.CLOCK);
  private final Payments payments =
      new Payments(
          store.invoiceRepository,
          store.paymentRepository,
          signals,
          new RecordingTransactions(),
          InvoicesTest.CLOCK);
  private final MockMvc mvc =
      MockMvcBuilders.standaloneSetup(
              new PaymentController(invoices, payments, InvoicesTest.defaults()))
          // refusals are answered by the application's advice, as in production
          .setControllerAdvice(new org.cabackoffice.web.ApiExceptionHandler())
          // ISO dates, as Spring Boot's ObjectMapper writes them
          .setMessageConverters(
              new MappingJackson2HttpMessageConverter(
                  Jackson2ObjectMapperBuilder.json()
                      .featuresToDisable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
                      .build()))
          .build();
  private final UsernamePasswordAuthenticationToken officer =
      new UsernamePasswordAuthenticationToken("officer1", null);

  private static String body(Object amount, String valueDate, String reference) {
    return "{\"amountYen\":" + amount + ",\"valueDate\":" + valueDate + ",\"reference\":" + reference + "}";
  }

  @Test
  void recordsThePaymentAs201WithTheOfficerAsRecorder() throws Exception {
    invoices.issue(7L, 1L, "SECURE_SERVER_ID", false, false, "tech@example.jp");

    mvc.perform(post("/api/applications/7/payments").principal(officer)
            .contentType(MediaType.APPLICATION_JSON)
            .content(body(89100, "\"2025-06-02\"", "\"ｶ)ﾃｽﾄ\"")))
        .andExpect(status().isCreated())
        .andExpect(jsonPath("$.amountYen").value(89100))
        .andExpect(jsonPath("$.valueDate").value("2025-06-02"))
        .andExpect(jsonPath("$.recordedBy").value("officer1"))
        .andExpect(jsonPath("$.processNotified").value(true));
  }

  @Test
  void paymentRecordedWithoutWaitingProcessSaysSoIn201() throws Exception {
    invoices.issue(7L, 1L, "SECURE_SERVER_ID", false, false, "tech@example.jp");
    signals.refuse = true;

    mvc.perform(post("/api/applications/7/payments").principal(officer)
            .contentType(MediaType.APPLICATION_JSON)
            .content(body(89100, "\"2025-06-02\"", "\"ref\"")))
        .andExpect(status().isCreated())
        .andExpect(jsonPath("$.processNotified").value(false))
        .andExpect(jsonPath("$.processNote").value(org.hamcrest.Matchers.containsString("no process")));
    assertThat(store.payments).hasSize(1);
  }

  @Test
  void amountMismatchIs422NamingBothAmounts() throws Exception {
    invoices.issue(7L, 1L, "SECURE_SERVER_ID", false, false, "tech@example.jp");

    mvc.perform(post("/api/applications/7/payments").principal(officer)
            .contentType(MediaType.APPLICATION_JSON)
            .content(body(81000, "\"2025-06-02\"", "\"ref\"")))
        .andExpect(status().isUnprocessableEntity())
        .andExpect(jsonPath("$.reason").value("AMOUNT_MISMATCH"))
        .andExpect(jsonPath("$.invoiceTotalYen").value(89100))
        .andExpect(jsonPath("$.receivedYen").value(81000));
  }

  @Test
  void valueDatesNoTransferCanHaveAre400NamingTheReason() throws Exception {
    invoices.issue(7L, 1L, "SECURE_SERVER_ID", false, false, "tech@example.jp"); // on 2025-06-02
    String[][] cases = {
      {"\"1900-01-01\"", "VALUE_DATE_TOO_EARLY"},
      {"\"0000-01-01\"", "VALUE_DATE_TOO_EARLY"},
      {"\"-0005-01-01\"", "VALUE_DATE_TOO_EARLY"},
      {"\"2019-06-01\"", "VALUE_DATE_BEFORE_INVOICE"},
      {"\"2025-06-01\"", "VALUE_DATE_BEFORE_INVOICE"},
      {"\"2025-06-03\"", "VALUE_DATE_IN_FUTURE"},
      {"\"+10000-01-01\"", "VALUE_DATE_IN_FUTURE"},
    };
    for (String[] c : cases) {
      mvc.perform(post("/api/applications/7/payments").principal(officer)
              .contentType(MediaType.APPLICATION_JSON)
              .content(body(89100, c[0], "\"ref\"")))
          .andExpect(status().isBadRequest())
          .andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.content()
              .contentType(MediaType.APPLICATION_PROBLEM_JSON))
          .andExpect(jsonPath("$.reason").value(c[1]));
    }
    assertThat(store.payments).isEmpty();
  }

  @Test
  void doublePaymentIs409() throws Exception {
    invoices.issue(7L, 1L, "SECURE_SERVER_ID", false, false, "tech@example.jp");
    String json = body(89100, "\"2025-06-02\"", "\"ref\"");
    mvc.perform(post("/api/applications/7/payments").principal(officer)
            .contentType(MediaType.APPLICATION_JSON).content(json))
        .andExpect(status().isCreated());

    mvc.perform(post("/api/applications/7/payments").principal(officer)
            .contentType(MediaType.APPLICATION_JSON).content(json))
        .andExpect(status().isConflict())
        .andExpect(jsonPath("$.reason").value("ALREADY_PAID"));
  }

  @Test
  void unknownApplicationIs404() throws Exception {
    mvc.perform(post("/api/applications/404/payments").principal(officer)
            .contentType(MediaType.APPLICATION_JSON)
            .content(body(89100, "\"2025-06-02\"", "\"ref\"")))
        .andExpect(status().isNotFound())
        .andExpect(jsonPath("$.reason").value("NO_INVOICE"));
  }

  @Test
  void badInputIs400() throws Exception {
    invoices.issue(7L, 1L, "SECURE_SERVER_ID", false, false, "tech@example.jp");
    for (String bad :
        new String[] {
          body("null", "\"2025-06-02\"", "\"ref\""),
          body(-5, "\"2025-06-02\"", "\"ref\""),
          body(89100, "null", "\"ref\""),
          body(89100, "\"2025-13-40\"", "\"ref\""),
          body(89100, "\"2025-06-02\"", "\"\""),
          body("\"lots\"", "\"2025-06-02\"", "\"ref\""),
          "{not json"
        }) {
      mvc.perform(post("/api/applications/7/payments").principal(officer)
              .contentType(MediaType.APPLICATION_JSON).content(bad))
          .andExpect(status().isBadRequest());
    }
    mvc.perform(post("/api/applications/abc/payments").principal(officer)
            .contentType(MediaType.APPLICATION_JSON)
            .content(body(89100, "\"2025-06-02\"", "\"ref\"")))
        .andExpect(status().isBadRequest());
    assertThat(store.payments).isEmpty();
  }

  @Test
  void invoiceShowsWhereToPay() throws Exception {
    invoices.issue(7L, 1L, "EV", true, false, "tech@example.jp");

    mvc.perform(get("/api/applications/7/invoice"))
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.totalYen").value(275000))
        .andExpect(jsonPath("$.status").value("OPEN"))
        .andExpect(jsonPath("$.dueOn").value("2025-06-16"))
        .andExpect(jsonPath("$.bankName").value("みずほ銀行"))
        .andExpect(jsonPath("$.accountNumber").value(store.accounts.get(0).getAccountNumber()));
  }

  @Test
  void missingInvoiceIs404() throws Exception {
    mvc.perform(get("/api/applications/8/invoice")).andExpect(status().isNotFound());
  }

  @Test
  void everyHandlerCarriesItsRole() {
    Method[] handlers =
        Arrays.stream(PaymentController.class.getDeclaredMethods())
            .filter(m -> AnnotatedElementUtils.hasAnnotation(m, RequestMapping.class))
            .toArray(Method[]::new);
    assertThat(handlers).hasSize(2);
    for (Method handler : handlers) {
      assertThat(handler.getAnnotation(PreAuthorize.class)).as(handler.getName()).isNotNull();
    }
    assertThat(handlers)
        .anySatisfy(
            m -> assertThat(m.getAnnotation(PreAuthorize.class).value())
                .isEqualTo("hasRole('OFFICER')"));
  }
}
