package org.cabackoffice.payment;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class CouponCodesTest {

  @Test
  void aCodeIsReadAsAPersonTypesIt() {
    assertThat(Coupons.normalize("abcd efgh jkmn pqrs")).contains("ABCD-EFGH-JKMN-PQRS");
    assertThat(Coupons.normalize("ABCDEFGHJKMNPQRS")).contains("ABCD-EFGH-JKMN-PQRS");
    // Crockford's look-alikes read as the digits they stand for.
    assertThat(Coupons.normalize("OOOO-IIII-LLLL-0000")).contains("0000-1111-1111-0000");
  }

  @Test
  void whatIsNoCodeIsRefusedBeforeAnyLookUp() {
    assertThat(Coupons.normalize(null)).isEmpty();
    assertThat(Coupons.normalize("ABCD-EFGH-JKMN")).isEmpty();
    assertThat(Coupons.normalize("ABCD-EFGH-JKMN-PQRSX")).isEmpty();
    assertThat(Coupons.normalize("UUUU-EFGH-JKMN-PQRS")).isEmpty();
    assertThat(Coupons.normalize("ABCD-EFGH-JKMN-PQR'")).isEmpty();
  }

  @Test
  void aQuoteAndAnInvoiceShareOnePriceRule() {
    PaymentProperties prices = InvoicesTest.defaults();
    Charges two = Charges.of(prices, "GLOBAL_SERVER_ID", 2, true);
    assertThat(two.priceYen()).isEqualTo(298_000L);
    assertThat(two.expressSurchargeYen()).isEqualTo(30_000L);
    assertThat(two.taxYen()).isEqualTo(32_800L);
    assertThat(two.totalYen()).isEqualTo(360_800L);
    // Tax rounded down once on the subtotal.
    assertThat(Charges.of(new PaymentProperties(null, null, "123", null, java.util.Map.of("EV", 99_999L), 0L, 10, null), "EV", 1, false).taxYen())
        .isEqualTo(9_999L);
  }
}
