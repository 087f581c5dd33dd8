package org.cabackoffice.application;

/**
 * Why an application was refused, as told to the technical contact and kept for auditors
 * (BR 5.4.1: every refusal is logged). The codes are what the BPMN sets on each refusal path.
 */
public enum RejectionReason {
  CSR_REFUSED("CSR が発行基準を満たしていません", "The CSR does not meet the issuance policy"),
  DOMAIN_NOT_REGISTERED("ドメイン名が登録されていません", "The domain name is not registered"),
  DOMAIN_SPANS_REGISTRABLE_DOMAINS(
      "複数の登録ドメインにまたがる名前は一度に申請できません",
      "Names under more than one registered domain cannot be applied for together"),
  DOMAIN_NO_CONTACT(
      "WHOIS に使用権を確認できる連絡先がありません",
      "WHOIS lists no contact who could authorize the use of the domain"),
  DOMAIN_CONSENT_DECLINED("ドメイン名の使用権が認められませんでした", "The domain holder declined the use of the domain"),
  DOMAIN_CONSENT_EXPIRED("ドメイン名使用権確認の期限が切れました", "The domain-use authorization was not given in time"),
  DOMAIN_CONTROL_NOT_VALIDATED(
      "期限までに DNS でドメイン名の管理を確認できませんでした",
      "Control of the domain was not shown in DNS before the challenge expired"),
  REGISTRY_CERTIFICATE_NOT_RECEIVED(
      "登記事項証明書が期限までに提出されませんでした",
      "The certificate of registered matters did not arrive in time"),
  REGISTRY_CERTIFICATE_REFUSED(
      "登記事項証明書により申請団体の実在性を確認できませんでした",
      "The certificate of registered matters did not show the organization's existence"),
  ORGANIZATION_SUBJECT_MISMATCH(
      "証明書のサブジェクトが登録されている申請団体の情報と異なります",
      "The certificate subject differs from the organization as registered"),
  DOCUMENTS_NOT_RECEIVED("申請書類が期限までに提出されませんでした", "The requested documents did not arrive in time"),
  DOCUMENTS_REFUSED("申請書類が認められませんでした", "The submitted documents were not accepted"),
  PAYMENT_OVERDUE("お支払い期限までにご入金が確認できませんでした", "Payment did not arrive by the due date"),
  PHONE_VERIFICATION_REFUSED(
      "申請責任者に申請の意思を確認できませんでした",
      "The responsible person did not confirm the application"),
  EMPLOYMENT_CERTIFICATE_NOT_RECEIVED(
      "在籍証明書が期限までに提出されませんでした", "The employment certificate did not arrive in time"),
  EMPLOYMENT_CERTIFICATE_REFUSED("在籍証明書が認められませんでした", "The employment certificate was not accepted"),
  ISSUANCE_NOT_APPROVED("発行が承認されませんでした", "Issuance was not approved"),
  DOMAIN_CONTROL_LAPSED(
      "発行までの間にドメイン名の確認が有効期間を過ぎました",
      "The domain validation lapsed before the certificate could be issued"),
  ISSUANCE_RULES_NOT_MET(
      "証明書の内容が発行基準を満たさないため発行できませんでした",
      "The certificate would not meet the issuance rules, so it was not issued"),
  CAA_FORBIDS(
      "ドメイン名の CAA レコードが当社による発行を許可していません",
      "The domain's CAA records do not permit this CA to issue"),
  /** The process was deleted by an administrator instead of reaching one of its end events. */
  WITHDRAWN_BY_CA("申請は当社により取り下げられました", "The application was withdrawn by the CA");

  private final String messageJa;
  private final String messageEn;

  RejectionReason(String messageJa, String messageEn) {
    this.messageJa = messageJa;
    this.messageEn = messageEn;
  }

  public String messageJa() {
    return messageJa;
  }

  public String messageEn() {
    return messageEn;
  }
}
