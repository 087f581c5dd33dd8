package org.cabackoffice.billing;

import java.nio.file.Path;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Who issues the CA's documents and with which font (issue 14, "Documents from the back office").
 *
 * <p>Japan's qualified invoice system (適格請求書等保存方式, 消費税法第57条の4) requires the issuer's name
 * and its registration number (登録番号: "T" and 13 digits) on every invoice; the defaults name the
 * development setup, so a production configuration must set the CA's own.
 *
 * @param issuerName the issuer as registered (適格請求書発行事業者の名称)
 * @param registrationNumber 登録番号, "T" followed by 13 digits
 * @param issuerAddress printed under the name; not required by the rules, expected by customers
 * @param fontPath a TrueType font with Japanese glyphs, embedded (as a subset) into every
 *     document. Default: Debian's IPAex Gothic (package fonts-ipaexfont). Without it the documents
 *     answer 503 with the reason, the rest of the application works.
 * @param quoteValidDays how long a quote's prices hold (見積有効期限)
 */
@ConfigurationProperties("backoffice.billing")
public record BillingProperties(
    String issuerName, String registrationNumber, String issuerAddress, Path fontPath, Integer quoteValidDays) {

  public static final Path DEBIAN_IPAEX_GOTHIC =
      Path.of("/usr/share/fonts/opentype/ipaexfont-gothic/ipaexg.ttf");

  public BillingProperties {
    issuerName = issuerName == null ? "シーエーバックオフィス株式会社 (開発環境)" : issuerName.strip();
    registrationNumber = registrationNumber == null ? "T0000000000000" : registrationNumber.strip();
    issuerAddress = issuerAddress == null ? "東京都千代田区 (開発環境)" : issuerAddress.strip();
    fontPath = fontPath == null ? DEBIAN_IPAEX_GOTHIC : fontPath;
    quoteValidDays = quoteValidDays == null ? 30 : quoteValidDays;
    if (!registrationNumber.matches("T\\d{13}")) {
      throw new IllegalArgumentException(
          "backoffice.billing.registration-number must be the qualified invoice issuer's"
              + " registration number, T and 13 digits (e.g. T1234567890123), not " + registrationNumber);
    }
    if (issuerName.isEmpty()) {
      throw new IllegalArgumentException("backoffice.billing.issuer-name must name the invoice issuer");
    }
    if (quoteValidDays < 1) {
      throw new IllegalArgumentException("backoffice.billing.quote-valid-days must be at least 1");
    }
  }
}
