package org.cabackoffice.input;

/**
 * The 法人番号 (corporate number) the National Tax Agency assigns: 13 digits whose first is a check
 * digit over the 12 that follow (法人番号の指定等に関する省令 第2条): with P(n) the n-th of those 12
 * digits counted from the right and Q(n) = 1 for odd n and 2 for even n, the check digit is
 * 9 − (Σ P(n)·Q(n) mod 9). 国税庁's own number 7000012050002 satisfies it. Here, not in the directory's
 * package, because intake checks the number the applicant types as well as the imports do.
 */
public final class CorporateNumber {

  private CorporateNumber() {}

  public static boolean isValid(String number) {
    return number != null
        && number.length() == 13
        && number.chars().allMatch(c -> c >= '0' && c <= '9')
        && checkDigit(number.substring(1)) == number.charAt(0) - '0';
  }

  /** The check digit of the 12-digit base number. */
  static int checkDigit(String base) {
    int sum = 0;
    for (int n = 1; n <= 12; n++) {
      int digit = base.charAt(12 - n) - '0';
      sum += digit * (n % 2 == 1 ? 1 : 2);
    }
    return 9 - sum % 9;
  }
}
