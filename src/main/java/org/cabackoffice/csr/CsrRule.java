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
      "The RSA key has %s bits; at least 2048 are required.",
      "RSA 鍵の長さが %s ビットです。2048 ビット以上が必要です。"),
  RSA_MODULUS_TOO_LARGE(
      "rsa.modulus.too-large",
      ERROR,
      "The RSA key has %s bits; at most 8192 are accepted.",
      "RSA 鍵の長さが %s ビットです。8192 ビット以下にしてください。"),
  RSA_MODULUS_NOT_MULTIPLE_OF_8(
      "rsa.modulus.not-multiple-of-8",
      ERROR,
      "The RSA modulus has %s bits, not a multiple of 8 (BR 6.1.5).",
      "RSA 鍵のモジュラスが %s ビットで、8 の倍数ではありません (BR 6.1.5)。"),
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
      "The RSA modulus is factored by Fermat's method within %s rounds (its primes are too close,"
          + " CVE-2022-26320): the key is broken. Create a new key with other software (BR 6.1.1.3).",
      "RSA モジュラスがフェルマー法で %s 回以内に素因数分解できます (素数が近すぎます、CVE-2022-26320)。"
          + "この鍵は安全ではありません。別のソフトウェアで新しい鍵を作成してください (BR 6.1.1.3)。"),
  RSA_MODULUS_ROCA(
      "rsa.modulus.roca",
      ERROR,
      "The RSA key was made by a vulnerable Infineon library (ROCA, CVE-2017-15361) and can be"
          + " factored. Update the device's firmware and create a new key (BR 6.1.1.3).",
      "RSA 鍵は脆弱性のある Infineon 製ライブラリで生成されています (ROCA、CVE-2017-15361)。"
          + "素因数分解が可能です。デバイスのファームウェアを更新し、新しい鍵を作成してください (BR 6.1.1.3)。"),
  KEY_BLOCKLISTED(
      "key.blocklisted",
      ERROR,
      "The CSR's public key (SHA-256 %s) is on the CA's list of compromised keys: its private key"
          + " is known to others, so no certificate can be issued for it (BR 6.1.1.3, key compromise"
          + " as in BR 4.9.1.1). Create a new key pair and a new CSR.",
      "CSR の公開鍵 (SHA-256 %s) は、認証局の危殆化した鍵のリストに登録されています。秘密鍵が第三者に"
          + "知られているため、この鍵には証明書を発行できません (BR 6.1.1.3、鍵の危殆化は BR 4.9.1.1)。"
          + "新しい鍵ペアを作成し、CSR を作り直してください。"),
  KEY_USED_BY_ANOTHER_CUSTOMER(
      "key.used-by-another-customer",
      ERROR,
      "The CSR's public key is already in a certificate issued to another customer. A private key"
          + " belongs to one subscriber only (BR 9.6.3); shared, it counts as compromised (BR"
          + " 4.9.1.1, 6.1.1.3). Create a new key pair and a new CSR.",
      "CSR の公開鍵は、別のお客様に発行された証明書ですでに使われています。秘密鍵は 1 つの利用者だけが"
          + "管理するものです (BR 9.6.3)。共有された鍵は危殆化したものとみなされます (BR 4.9.1.1、6.1.1.3)。"
          + "新しい鍵ペアを作成し、CSR を作り直してください。"),
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
  SUBJECT_ATTRIBUTE_REPEATED(
      "subject.attribute.repeated",
      ERROR,
      "The subject has %s more than once; each attribute may appear only once (BR 7.1.4.1).",
      "サブジェクトに %s が複数あります。各属性は 1 回だけ指定できます (BR 7.1.4.1)。"),
  SUBJECT_ATTRIBUTE_TOO_LONG(
      "subject.attribute.too-long",
      ERROR,
      "The subject's %s has %s characters; at most %s are allowed (X.520 upper bound, RFC 5280"
          + " Appendix A).",
      "サブジェクトの %s が %s 文字です。%s 文字以下にしてください (X.520 の上限、RFC 5280 付録 A)。"),
  SUBJECT_COUNTRY_INVALID(
      "subject.country.invalid",
      ERROR,
      "The country (C) \"%s\" is not a two-letter ISO 3166 code (for Japan: JP).",
      "国名 (C)「%s」は ISO 3166 の 2 文字コードではありません (日本は JP)。"),
  SUBJECT_COUNTRY_MISSING(
      "subject.country.missing",
      ERROR,
      "The subject has no country (C); an OV or EV certificate names the organization's country"
          + " (BR 7.1.2.7.4).",
      "サブジェクトに国名 (C) がありません。OV/EV 証明書には組織の国名が必要です (BR 7.1.2.7.4)。"),
  SUBJECT_ORGANIZATION_MISSING(
      "subject.organization.missing",
      ERROR,
      "The subject has no organization (O); give the official English name with its legal form"
          + " (BR 7.1.2.7.4).",
      "サブジェクトに組織名 (O) がありません。法人格を含む正式な英文名を指定してください (BR 7.1.2.7.4)。"),
  SUBJECT_LOCALITY_OR_STATE_MISSING(
      "subject.locality-or-state.missing",
      ERROR,
      "The subject has neither locality (L) nor state or province (ST); give them as registered"
          + " (BR 7.1.2.7.4).",
      "サブジェクトに市区町村名 (L) も都道府県名 (ST) もありません。登記どおりに指定してください (BR 7.1.2.7.4)。"),
  SUBJECT_OU_NOT_ALLOWED(
      "subject.ou.not-allowed",
      WARNING,
      "The subject has an organizational unit (OU) \"%s\"; the Baseline Requirements no longer"
          + " allow it in certificates (BR 7.1.2.7.4), so the certificate will be issued without it.",
      "サブジェクトに部署名 (OU)「%s」があります。現行の Baseline Requirements では証明書に OU を含められない"
          + "ため (BR 7.1.2.7.4)、OU なしで発行されます。"),
  NAME_IP_ADDRESS(
      "name.ip-address",
      ERROR,
      "\"%s\" is an IP address; certificates are issued for domain names only.",
      "「%s」は IP アドレスです。証明書はドメイン名に対してのみ発行します。"),
  NAME_SYNTAX(
      "name.syntax",
      ERROR,
      "\"%s\" is not a valid domain name: %s.",
      "「%s」は正しいドメイン名ではありません: %s。"),
  NAME_LABEL_TOO_LONG(
      "name.label.too-long",
      ERROR,
      "\"%s\" has the label \"%s\" of %s characters; a label has at most 63 (RFC 1035).",
      "「%s」のラベル「%s」が %s 文字です。ラベルは 63 文字以下です (RFC 1035)。"),
  NAME_TOO_LONG(
      "name.too-long",
      ERROR,
      "\"%s\" has %s characters; a domain name has at most 253 (RFC 1035).",
      "「%s」が %s 文字です。ドメイン名は 253 文字以下です (RFC 1035)。"),
  NAME_IDN_INVALID(
      "name.idn.invalid",
      ERROR,
      "\"%s\" is not a valid internationalized domain name: %s.",
      "「%s」は正しい国際化ドメイン名ではありません: %s。"),
  NAME_INTERNAL(
      "name.internal",
      ERROR,
      "\"%s\" is an internal or reserved name that cannot be validated (BR 7.1.2.7.12).",
      "「%s」は内部名または予約名のため、確認できません (BR 7.1.2.7.12)。"),
  NAME_NO_REGISTRABLE_DOMAIN(
      "name.no-registrable-domain",
      ERROR,
      "\"%s\" has no registrable domain: %s.",
      "「%s」には登録可能なドメインがありません: %s。"),
  NAME_WILDCARD_MISPLACED(
      "name.wildcard.misplaced",
      ERROR,
      "\"%s\": a wildcard (*) may only be the whole leftmost label, as in *.example.co.jp.",
      "「%s」: ワイルドカード (*) は *.example.co.jp のように左端のラベル全体にのみ使えます。"),
  NAME_WILDCARD_PUBLIC_SUFFIX(
      "name.wildcard.public-suffix",
      ERROR,
      "\"%s\": a wildcard directly under the public suffix \"%s\" is not allowed (BR 3.2.2.6).",
      "「%s」: パブリックサフィックス「%s」の直下にはワイルドカードを使えません (BR 3.2.2.6)。"),
  NAMES_TOO_MANY(
      "names.too-many",
      ERROR,
      "The CSR names %s distinct DNS names; a certificate from this CA carries at most %s. Split"
          + " the names over several certificates.",
      "CSR に %s 個の DNS 名が含まれています。この認証局の証明書に含められるのは %s 個までです。"
          + "複数の証明書に分けて申請してください。"),
  SAN_TYPE_UNSUPPORTED(
      "san.type.unsupported",
      ERROR,
      "The subjectAltName contains a %s; a server certificate may name DNS names only"
          + " (BR 7.1.2.7.12).",
      "subjectAltName に %s が含まれています。サーバ証明書に含められるのは DNS 名のみです (BR 7.1.2.7.12)。"),
  EXTENSION_DUPLICATE(
      "extension.duplicate",
      ERROR,
      "The extension request has %s more than once (RFC 5280 4.2).",
      "拡張要求に %s が複数含まれています (RFC 5280 4.2)。"),
  EXTENSION_CRITICAL_UNKNOWN(
      "extension.critical.unknown",
      ERROR,
      "The extension request has the critical extension %s, which the CA does not know and so"
          + " cannot honour (RFC 5280 4.2).",
      "拡張要求に、認証局が扱えない重要 (critical) 拡張 %s が含まれています (RFC 5280 4.2)。"),
  EXTENSION_BASIC_CONSTRAINTS_CA(
      "extension.basic-constraints.ca",
      ERROR,
      "The extension request asks for a CA certificate (basicConstraints cA=true); a server"
          + " certificate is never a CA (BR 7.1.2.7.8).",
      "拡張要求が CA 証明書 (basicConstraints cA=true) を要求しています。サーバ証明書は CA になれません"
          + " (BR 7.1.2.7.8)。"),
  ATTRIBUTE_CHALLENGE_PASSWORD_IGNORED(
      "attribute.challenge-password.ignored",
      INFO,
      "The CSR contains a challenge password; the CA does not use it and ignores it. Do not reuse"
          + " that password anywhere: it is readable by anyone who sees the CSR.",
      "CSR にチャレンジパスワードが含まれていますが、認証局では使用せず無視します。CSR を見た人は誰でも"
          + "読めるため、このパスワードを他で使わないでください。"),
  ATTRIBUTE_IGNORED(
      "attribute.ignored",
      INFO,
      "The CSR contains the attribute %s, which the CA ignores.",
      "CSR に属性 %s が含まれていますが、認証局では無視します。"),
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
