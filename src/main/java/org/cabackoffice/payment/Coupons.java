package org.cabackoffice.payment;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.cabackoffice.application.Product;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Coupons (issue 14): operations issue codes for a product with an expiry; a customer pays an
 * application with one. Paying with a coupon is a {@link Payment} of the invoice total through
 * {@link Payments#settle}, so the timeline, the audit log and the payment stage see it exactly as
 * they see a matched transfer.
 */
@Service
public class Coupons {

  /** Operations issue at most this many codes at once: a batch for a campaign, not a stock. */
  static final int MOST_AT_ONCE = 1000;

  /** How far ahead a coupon may run; further is a mistyped year. */
  static final int LONGEST_YEARS = 3;

  /**
   * Crockford's base 32: no I, L, O or U, so a code read out on the phone or retyped from paper
   * has no look-alikes. 16 characters carry 80 bits, too many to guess.
   */
  private static final String ALPHABET = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";

  private static final int CODE_LENGTH = 16;

  private final CouponRepository coupons;
  private final InvoiceRepository invoices;
  private final Payments payments;
  private final PaymentProperties prices;
  private final Clock clock;
  private final SecureRandom random = new SecureRandom();

  public Coupons(
      CouponRepository coupons,
      InvoiceRepository invoices,
      Payments payments,
      PaymentProperties prices,
      Clock clock) {
    this.coupons = coupons;
    this.invoices = invoices;
    this.payments = payments;
    this.prices = prices;
    this.clock = clock;
  }

  /**
   * Issues {@code count} new codes for {@code product}, valid up to and including {@code expiresOn}
   * (a Japanese date).
   *
   * @throws PaymentRefused INVALID_INPUT for an unknown product, a count outside 1..1000, or an
   *     expiry in the past or more than three years ahead
   */
  @Transactional
  public List<Coupon> issue(String product, Integer count, LocalDate expiresOn, String operator) {
    Product known = product(product);
    try {
      prices.priceOf(known.name());
    } catch (IllegalArgumentException unpriced) {
      throw new PaymentRefused(
          PaymentRefused.Reason.INVALID_INPUT, "product " + known + " has no price, so no coupon can pay it");
    }
    if (count == null || count < 1 || count > MOST_AT_ONCE) {
      throw new PaymentRefused(
          PaymentRefused.Reason.INVALID_INPUT, "count must be between 1 and " + MOST_AT_ONCE);
    }
    LocalDate today = ValueDates.today(clock);
    if (expiresOn == null) {
      throw new PaymentRefused(
          PaymentRefused.Reason.INVALID_INPUT, "expiresOn (the last day the coupons pay, YYYY-MM-DD) is missing");
    }
    if (expiresOn.isBefore(today)) {
      throw new PaymentRefused(
          PaymentRefused.Reason.INVALID_INPUT,
          "expiresOn " + expiresOn + " is before today (" + today + " in Japan)");
    }
    if (expiresOn.isAfter(today.plusYears(LONGEST_YEARS))) {
      throw new PaymentRefused(
          PaymentRefused.Reason.INVALID_INPUT,
          "expiresOn " + expiresOn + " is more than " + LONGEST_YEARS + " years ahead (a mistyped year?)");
    }
    List<Coupon> issued = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      // 80 random bits: a collision is not expected, and the unique code would refuse it anyway.
      issued.add(coupons.save(new Coupon(newCode(), known.name(), expiresOn, operator, clock.instant())));
    }
    return issued;
  }

  @Transactional(readOnly = true)
  public List<Coupon> list(String product) {
    return product == null || product.isBlank()
        ? coupons.findAllByOrderByIssuedAtDescIdDesc()
        : coupons.findByProductOrderByIssuedAtDescIdDesc(product(product).name());
  }

  /**
   * Pays the application's open invoice with the coupon. The coupon is locked, checked and used in
   * the same transaction that stores the payment, so a code pays at most one invoice even when two
   * customers redeem it at once, and a refused payment leaves the coupon unused.
   *
   * @throws PaymentRefused NOT_INVOICED_YET before the process has invoiced the application;
   *     ALREADY_PAID or INVOICE_CANCELLED for an invoice that takes no payment; COUPON_UNKNOWN,
   *     COUPON_USED, COUPON_EXPIRED or COUPON_WRONG_PRODUCT for a code that cannot pay it
   */
  public RecordedPayment redeem(long applicationId, String code, String redeemedBy) {
    Optional<String> normalized = normalize(code);
    if (normalized.isEmpty()) {
      throw new PaymentRefused(
          PaymentRefused.Reason.COUPON_UNKNOWN,
          "no coupon has this code: a code is 16 letters and digits, e.g. ABCD-EFGH-JKMN-PQRS");
    }
    if (invoices.findByApplicationId(applicationId).isEmpty()) {
      throw new PaymentRefused(
          PaymentRefused.Reason.NOT_INVOICED_YET,
          "application " + applicationId + " has no invoice yet; redeem the coupon once it is invoiced");
    }
    String recordedBy = redeemedBy.length() > 128 ? redeemedBy.substring(0, 128) : redeemedBy;
    return payments.settle(applicationId, invoice -> use(normalized.get(), invoice, recordedBy));
  }

  /**
   * Pays the invoice of an application being accepted with the coupon, in the intake's
   * transaction (issue 14: the storefront's and the API's payment method COUPON). The checks are
   * {@link #redeem}'s; a code that cannot pay throws {@link PaymentRefused} and so refuses the
   * application, leaving the coupon unused and no invoice number drawn.
   */
  @Transactional
  public Payment payOnApplying(long applicationId, String code, String redeemedBy) {
    Optional<String> normalized = normalize(code);
    if (normalized.isEmpty()) {
      throw new PaymentRefused(
          PaymentRefused.Reason.COUPON_UNKNOWN,
          "no coupon has this code: a code is 16 letters and digits, e.g. ABCD-EFGH-JKMN-PQRS");
    }
    String recordedBy = redeemedBy.length() > 128 ? redeemedBy.substring(0, 128) : redeemedBy;
    return payments.settleOnApplying(applicationId, invoice -> use(normalized.get(), invoice, recordedBy));
  }

  /** Uses the coupon for the invoice, locked so it pays one invoice only, or says why it cannot. */
  private Payment use(String code, Invoice invoice, String recordedBy) {
    long applicationId = invoice.getApplicationId();
    Coupon coupon =
        coupons
            .findForUpdateByCode(code)
            .orElseThrow(
                () -> new PaymentRefused(PaymentRefused.Reason.COUPON_UNKNOWN, "no coupon has this code"));
    if (coupon.getUsedByApplication() != null) {
      throw new PaymentRefused(
          PaymentRefused.Reason.COUPON_USED, "this coupon has paid an application already");
    }
    LocalDate today = ValueDates.today(clock);
    if (today.isAfter(coupon.getExpiresOn())) {
      throw new PaymentRefused(
          PaymentRefused.Reason.COUPON_EXPIRED,
          "this coupon expired on " + coupon.getExpiresOn());
    }
    if (!coupon.getProduct().equals(invoice.getProduct())) {
      throw new PaymentRefused(
          PaymentRefused.Reason.COUPON_WRONG_PRODUCT,
          "this coupon pays for "
              + coupon.getProduct()
              + ", but application "
              + applicationId
              + " is for "
              + invoice.getProduct());
    }
    coupon.use(applicationId, clock.instant());
    coupons.save(coupon);
    return new Payment(
        invoice.getId(),
        applicationId,
        invoice.getTotalYen(),
        today,
        COUPON_REFERENCE + coupon.getCode(),
        recordedBy,
        clock.instant());
  }

  /** How a coupon's payment names it, where a transfer's names the bank's reference. */
  public static final String COUPON_REFERENCE = "coupon ";

  /**
   * The stored form of a code as a person may type it: case, spaces and hyphens do not matter, and
   * Crockford's look-alikes (O→0, I and L→1) are read as the digits they stand for.
   */
  static Optional<String> normalize(String typed) {
    if (typed == null) {
      return Optional.empty();
    }
    StringBuilder plain = new StringBuilder();
    for (char c : typed.toUpperCase(Locale.ROOT).toCharArray()) {
      if (c == '-' || c == ' ') {
        continue;
      }
      char read = switch (c) {
        case 'O' -> '0';
        case 'I', 'L' -> '1';
        default -> c;
      };
      if (ALPHABET.indexOf(read) < 0) {
        return Optional.empty();
      }
      plain.append(read);
    }
    if (plain.length() != CODE_LENGTH) {
      return Optional.empty();
    }
    return Optional.of(grouped(plain.toString()));
  }

  private String newCode() {
    StringBuilder plain = new StringBuilder();
    for (int i = 0; i < CODE_LENGTH; i++) {
      plain.append(ALPHABET.charAt(random.nextInt(ALPHABET.length())));
    }
    return grouped(plain.toString());
  }

  private static String grouped(String plain) {
    return String.join(
        "-", plain.substring(0, 4), plain.substring(4, 8), plain.substring(8, 12), plain.substring(12, 16));
  }

  private static Product product(String product) {
    if (product == null || product.isBlank()) {
      throw new PaymentRefused(PaymentRefused.Reason.INVALID_INPUT, "product is missing");
    }
    try {
      return Product.valueOf(product.strip().toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw new PaymentRefused(
          PaymentRefused.Reason.INVALID_INPUT,
          "unknown product; one of " + java.util.Arrays.toString(Product.values()));
    }
  }
}
