package org.cabackoffice.payment;

/**
 * What an order costs, by the one rule invoices and quotes share: the product's price per licence,
 * the express surcharge once per application, and the consumption tax computed once on the
 * subtotal at the single standard rate and rounded down to the yen. Once per invoice and rate is
 * what the qualified invoice rules allow (消費税法施行令第70条の10: one rounding per rate per invoice).
 *
 * @param unitPriceYen the product's price per licence, excluding tax
 * @param licences how many licences (server licences of one certificate)
 * @param priceYen unit price times licences
 * @param expressSurchargeYen the express service (エクスプレスサービス), or 0
 * @param taxPercent the consumption tax rate applied
 */
public record Charges(
    String product,
    long unitPriceYen,
    int licences,
    long priceYen,
    long expressSurchargeYen,
    long subtotalYen,
    int taxPercent,
    long taxYen,
    long totalYen) {

  /** More licences than this on one order is a typing mistake, not a purchase. */
  public static final int MOST_LICENCES = 999;

  /**
   * @throws IllegalArgumentException for a product without a price or a licence count outside
   *     1..{@link #MOST_LICENCES}
   */
  public static Charges of(PaymentProperties properties, String product, int licences, boolean express) {
    if (licences < 1 || licences > MOST_LICENCES) {
      throw new IllegalArgumentException("licences must be between 1 and " + MOST_LICENCES);
    }
    long unit = properties.priceOf(product);
    long price = Math.multiplyExact(unit, (long) licences);
    long surcharge = express ? properties.expressSurcharge() : 0L;
    long subtotal = price + surcharge;
    int percent = properties.consumptionTaxPercent();
    long tax = Math.floorDiv(subtotal * percent, 100L);
    return new Charges(product, unit, licences, price, surcharge, subtotal, percent, tax, subtotal + tax);
  }
}
