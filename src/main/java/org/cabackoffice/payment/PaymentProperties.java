package org.cabackoffice.payment;

import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * What the CA charges and where customers pay it (guide [2-1] 3., [3-2]).
 *
 * <p>The bank and branch are the ones that host the CA's virtual accounts (振込み専用口座); the
 * defaults name the development setup's fictitious bank so a production configuration must set
 * its real bank. Prices are in JPY excluding consumption tax, keyed by product code
 * (SECURE_SERVER_ID, GLOBAL_SERVER_ID, EV); the defaults are development values.
 *
 * @param bankName bank shown on invoices, e.g. 「みずほ銀行」
 * @param branchName branch that hosts the virtual accounts
 * @param branchCode the branch's 3-digit code (支店番号)
 * @param accountHolder account holder name customers transfer to (口座名義), in katakana as banks
 *     show it
 * @param prices price per product in JPY excluding tax
 * @param expressSurcharge surcharge in JPY for the express service (エクスプレスサービス)
 * @param consumptionTaxPercent consumption tax rate in percent, applied once per invoice and
 *     rounded down to the yen
 * @param dueDays calendar days from the issue date to the transfer due date
 */
@ConfigurationProperties("backoffice.payment")
public record PaymentProperties(
    String bankName,
    String branchName,
    String branchCode,
    String accountHolder,
    Map<String, Long> prices,
    Long expressSurcharge,
    Integer consumptionTaxPercent,
    Integer dueDays) {

  public PaymentProperties {
    bankName = bankName == null ? "開発銀行 (Development Bank)" : bankName;
    branchName = branchName == null ? "バーチャル支店 (Virtual Branch)" : branchName;
    branchCode = branchCode == null ? "999" : branchCode;
    accountHolder = accountHolder == null ? "シーエーバックオフィス (CA BACK OFFICE)" : accountHolder;
    if (prices == null) {
      prices = Map.of("SECURE_SERVER_ID", 81_000L, "GLOBAL_SERVER_ID", 149_000L, "EV", 220_000L);
    }
    // Relaxed binding hands map keys over as written (ev, secure-server-id, SECURE_SERVER_ID) or,
    // from environment variables, as secure.server.id; keep them in the product codes' spelling.
    Map<String, Long> byProduct = new HashMap<>();
    prices.forEach(
        (product, price) -> {
          if (price == null || price <= 0) {
            throw new IllegalArgumentException(
                "backoffice.payment.prices." + product + " must be a positive amount of yen");
          }
          byProduct.put(productCode(product), price);
        });
    prices = Map.copyOf(byProduct);
    expressSurcharge = expressSurcharge == null ? 30_000L : expressSurcharge;
    consumptionTaxPercent = consumptionTaxPercent == null ? 10 : consumptionTaxPercent;
    dueDays = dueDays == null ? 14 : dueDays;
    if (!branchCode.matches("\\d{3}")) {
      throw new IllegalArgumentException(
          "backoffice.payment.branch-code must be the branch's 3 digits, not " + branchCode);
    }
    if (dueDays < 1) {
      throw new IllegalArgumentException("backoffice.payment.due-days must be at least 1");
    }
    if (consumptionTaxPercent < 0 || expressSurcharge < 0) {
      throw new IllegalArgumentException(
          "backoffice.payment.consumption-tax-percent and express-surcharge must not be negative");
    }
  }

  /** The price of a product excluding tax; a product without a price cannot be invoiced. */
  long priceOf(String product) {
    Long price = product == null ? null : prices.get(productCode(product));
    if (price == null) {
      throw new IllegalArgumentException(
          "no price configured for product " + product + " (backoffice.payment.prices." + product + ")");
    }
    return price;
  }

  private static String productCode(String key) {
    return key.strip().replace('-', '_').replace('.', '_').toUpperCase(Locale.ROOT);
  }
}
