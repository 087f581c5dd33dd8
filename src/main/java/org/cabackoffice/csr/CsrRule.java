package org.cabackoffice.csr;

import static org.cabackoffice.csr.Severity.ERROR;
import static org.cabackoffice.csr.Severity.INFO;
import static org.cabackoffice.csr.Severity.WARNING;

import java.util.Locale;

/**
 * Every finding the CSR policy can report: its stable code, its weight, and its message in English
 * and Japanese ({@link String#format} patterns). Kept in one place so the list of codes is the
 * documentation of the policy.
 */
enum CsrRule {
  SIGNATURE_INVALID(
      "signature.invalid",
      ERROR,
      "The CSR's signature does not verify with its own public key (%s): the request was altered or"
          + " not signed with the matching private key.",
      "CSR の署名が CSR 自身の公開鍵で検証できません (%s)。CSR が改変されたか、対応する秘密鍵で署名されていません。"),
  SIGNATURE_ALGORITHM_WEAK(
      "signature.algorithm.weak",
      ERROR,
      "The CSR is signed with %s, a hash that is no longer secure; sign it with SHA-256 or stronger.",
      "CSR の署名アルゴリズム %s は安全でないハッシュを使っています。SHA-256 以上で署名し直してください。"),
  SIGNATURE_ALGORITHM_UNSUPPORTED(
      "signature.algorithm.unsupported",
      ERROR,
      "The CSR's signature algorithm %s is not supported; use RSA (PKCS#1 v1.5 or PSS) or ECDSA"
          + " with SHA-256, SHA-384 or SHA-512.",
      "CSR の署名アルゴリズム %s には対応していません。RSA (PKCS#1 v1.5 または PSS) または ECDSA と"
          + " SHA-256/SHA-384/SHA-512 の組み合わせを使ってください。"),
  KEY_ALGORITHM_UNSUPPORTED(
      "key.algorithm.unsupported",
      ERROR,
      "The public key algorithm %s is not accepted; use an RSA key (2048 bits or more) or an EC"
          + " key on P-256 or P-384.",
      "公開鍵アルゴリズム %s は受け付けられません。RSA 鍵 (2048 ビット以上) または P-256/P-384 の EC"
          + " 鍵を使ってください。"),
  KEY_MALFORMED(
      "key.malformed",
      ERROR,
      "The public key in the CSR cannot be decoded: %s.",
      "CSR の公開鍵を読み取れません: %s。"),
  RSA_MODULUS_TOO_SMALL(
      "rsa.modulus.too-small",
      ERROR,
      "The RSA key has %d bits; at least 2048 are required.",
      "RSA 鍵の長さが %d ビットです。2048 ビット以上が必要です。"),
  RSA_MODULUS_TOO_LARGE(
      "rsa.modulus.too-large",
      ERROR,
      "The RSA key has %d bits; at most 8192 are accepted.",
      "RSA 鍵の長さが %d ビットです。8192 ビット以下にしてください。"),
  RSA_MODULUS_NOT_MULTIPLE_OF_8(
      "rsa.modulus.not-multiple-of-8",
      ERROR,
      "The RSA modulus has %d bits, not a multiple of 8 (BR 6.1.5).",
      "RSA 鍵のモジュラスが %d ビットで、8 の倍数ではありません (BR 6.1.5)。"),
  RSA_EXPONENT_EVEN(
      "rsa.exponent.even",
      ERROR,
      "The RSA public exponent %s is even; it must be odd (BR 6.1.6).",
      "RSA 公開指数 %s が偶数です。奇数でなければなりません (BR 6.1.6)。"),
  RSA_EXPONENT_OUT_OF_RANGE(
      "rsa.exponent.out-of-range",
      ERROR,
      "The RSA public exponent is %s; it must be between 2^16+1 (65537) and 2^256-1 (BR 6.1.6).",
      "RSA 公開指数が %s です。2^16+1 (65537) 以上 2^256-1 以下でなければなりません (BR 6.1.6)。"),
  RSA_MODULUS_SMALL_FACTOR(
      "rsa.modulus.small-factor",
      ERROR,
      "The RSA modulus is divisible by %s: the key is broken. Create a new key (BR 6.1.1.3).",
      "RSA モジュラスが %s で割り切れます。この鍵は安全ではありません。新しい鍵を作成してください (BR 6.1.1.3)。"),
  RSA_MODULUS_FERMAT(
      "rsa.modulus.fermat-factorable",
      ERROR,
      "The RSA modulus is factored by Fermat's method within %d rounds (its primes are too close,"
          + " CVE-2022-26320): the key is broken. Create a new key with other software (BR 6.1.1.3).",
      "RSA モジュラスがフェルマー法で %d 回以内に素因数分解できます (素数が近すぎます、CVE-2022-26320)。"
          + "この鍵は安全ではありません。別のソフトウェアで新しい鍵を作成してください (BR 6.1.1.3)。"),
  RSA_MODULUS_ROCA(
      "rsa.modulus.roca",
      ERROR,
      "The RSA key was made by a vulnerable Infineon library (ROCA, CVE-2017-15361) and can be"
          + " factored. Update the device's firmware and create a new key (BR 6.1.1.3).",
      "RSA 鍵は脆弱性のある Infineon 製ライブラリで生成されています (ROCA、CVE-2017-15361)。"
          + "素因数分解が可能です。デバイスのファームウェアを更新し、新しい鍵を作成してください (BR 6.1.1.3)。"),
  EC_CURVE_UNSUPPORTED(
      "ec.curve.unsupported",
      ERROR,
      "The EC key is on the curve %s; only P-256 and P-384 are accepted.",
      "EC 鍵の曲線が %s です。P-256 と P-384 のみ受け付けます。"),
  EC_POINT_INVALID(
      "ec.point.invalid",
      ERROR,
      "The EC public key is not a valid point: %s.",
      "EC 公開鍵が有効な点ではありません: %s。"),
  SUBJECT_CN_MISSING(
      "subject.cn.missing",
      ERROR,
      "The subject has no Common Name (CN); it must be the server's FQDN.",
      "サブジェクトにコモンネーム (CN) がありません。サーバの FQDN を指定してください。"),
  SUBJECT_CN_MISMATCH(
      "subject.cn.mismatch",
      ERROR,
      "The Common Name is \"%s\" but a renewal must keep the Common Name \"%s\" of the current"
          + " certificate.",
      "コモンネームが「%s」ですが、更新では現在の証明書と同じコモンネーム「%s」でなければなりません。"),
  EXTENSION_MALFORMED(
      "extension.malformed",
      ERROR,
      "The extension request cannot be decoded: %s.",
      "拡張要求 (extensionRequest) を読み取れません: %s。");

  private final String code;
  private final Severity severity;
  private final String english;
  private final String japanese;

  CsrRule(String code, Severity severity, String english, String japanese) {
    this.code = code;
    this.severity = severity;
    this.english = english;
    this.japanese = japanese;
  }

  String code() {
    return code;
  }

  Severity severity() {
    return severity;
  }

  Finding finding(Object... arguments) {
    return new Finding(
        code,
        severity,
        String.format(Locale.ROOT, english, arguments),
        String.format(Locale.ROOT, japanese, arguments));
  }
}
