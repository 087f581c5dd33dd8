package org.cabackoffice.payment;

import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.fasterxml.jackson.databind.SerializationFeature;
import java.nio.charset.StandardCharsets;
import org.hamcrest.Matchers;
import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;
import org.springframework.http.converter.json.Jackson2ObjectMapperBuilder;
import org.springframework.http.converter.json.MappingJackson2HttpMessageConverter;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;

/** Issue 12: the raw body is spooled, the report counts every line, the lines are paged. */
class BankStatementControllerTest {

  private static final ContractInvoices NO_CONTRACTS =
      new ContractInvoices() {
        @Override
        public java.util.Collection<Long> accountsWithOpenInvoices() {
          return java.util.List.of();
        }

        @Override
        public java.util.List<Open> openOf(long virtualAccountId) {
          return java.util.List.of();
        }

        @Override
        public boolean pay(long contractId, java.time.LocalDate valueDate, String reference, String recordedBy) {
          return false;
        }
      };

  private final InMemoryPaymentStore store = new InMemoryPaymentStore();
  private final RecordingTransactions transactions = new RecordingTransactions();
  private final BankStatementImports imports =
      new BankStatementImports(
          store.statementImportRepository,
          store.statementLineRepository,
          store.virtualAccountRepository,
          store.invoiceRepository,
          new Payments(
              store.invoiceRepository, store.paymentRepository, new RecordingProcessSignals(), transactions,
              InvoicesTest.CLOCK),
          new ContractDeposits(store.statementLineRepository, store.virtualAccountRepository, NO_CONTRACTS, transactions),
          InvoicesTest.defaults(),
          transactions,
          InvoicesTest.CLOCK,
          4_096);
  private final MockMvc mvc =
      MockMvcBuilders.standaloneSetup(new BankStatementController(imports))
          .setControllerAdvice(new org.cabackoffice.web.ApiExceptionHandler())
          .setMessageConverters(
              new MappingJackson2HttpMessageConverter(
                  Jackson2ObjectMapperBuilder.json()
                      .featuresToDisable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
                      .build()))
          .build();
  private final UsernamePasswordAuthenticationToken officer =
      new UsernamePasswordAuthenticationToken("officer1", null);

  private static byte[] unknownAccounts(int lines) {
    StringBuilder csv = new StringBuilder("value_date,account_number,amount,payer,reference\n");
    for (int i = 0; i < lines; i++) {
      csv.append("2025-06-02,0000000,5000,ｱ,U-").append(i).append('\n');
    }
    return csv.toString().getBytes(StandardCharsets.UTF_8);
  }

  @Test
  void theRawBodyIsImportedAndItsLinesArePagedInFileOrder() throws Exception {
    mvc.perform(
            post("/api/bank-statements?fileName=day.csv")
                .principal(officer)
                .contentType(MediaType.APPLICATION_OCTET_STREAM)
                .content(unknownAccounts(5)))
        .andExpect(status().isCreated())
        .andExpect(jsonPath("$.unmatchedCount").value(5))
        .andExpect(jsonPath("$.matchedCount").value(0))
        .andExpect(jsonPath("$.unmatched.length()").value(5));
    long importId = store.statementImportRepository.findTop100ByIdLessThanOrderByIdDesc(Long.MAX_VALUE).get(0).getId();

    mvc.perform(get("/api/bank-statements/" + importId + "/lines?kind=UNMATCHED&afterLine=0&limit=2").principal(officer))
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.lines[*].line").value(Matchers.contains(2, 3)))
        .andExpect(jsonPath("$.lines[0].reasonCode").value("UNKNOWN_ACCOUNT"))
        .andExpect(jsonPath("$.nextAfterLine").value(3));
    mvc.perform(get("/api/bank-statements/" + importId + "/lines?kind=UNMATCHED&afterLine=5&limit=2").principal(officer))
        .andExpect(jsonPath("$.lines[*].line").value(Matchers.contains(6)))
        .andExpect(jsonPath("$.nextAfterLine").doesNotExist());
    mvc.perform(get("/api/bank-statements/" + importId + "/lines?kind=MATCHED").principal(officer))
        .andExpect(jsonPath("$.lines").isEmpty());
  }

  @Test
  void aBodyOverTheCapIsRefusedByItsSizeAndNothingIsStored() throws Exception {
    mvc.perform(
            post("/api/bank-statements")
                .principal(officer)
                .contentType(MediaType.APPLICATION_OCTET_STREAM)
                .content(unknownAccounts(200)))
        .andExpect(status().isBadRequest())
        .andExpect(jsonPath("$.detail").value(Matchers.containsString("at most 4096 are read")));
    org.assertj.core.api.Assertions.assertThat(store.statementLines).isEmpty();
  }

  @Test
  void aWrongPageSizeOrAnUnknownImportIsRefused() throws Exception {
    mvc.perform(get("/api/bank-statements/1/lines?limit=0").principal(officer)).andExpect(status().isBadRequest());
    mvc.perform(get("/api/bank-statements/999/lines").principal(officer)).andExpect(status().isNotFound());
    mvc.perform(get("/api/bank-statements/1/lines?kind=NONSENSE").principal(officer)).andExpect(status().isBadRequest());
  }
}
