package org.cabackoffice.application;

/**
 * The server ID products (guide [2-1]); a renewal may switch product. The Japanese name is the
 * one the guide uses in the issuance mail's subject ([5-1]) and every mail's Japanese half; the
 * English name is the product in the English half, which agencies abroad read.
 */
public enum Product {
  SECURE_SERVER_ID("セキュア・サーバ ID", "Secure Server ID", false),
  GLOBAL_SERVER_ID("グローバル・サーバ ID", "Global Server ID", false),
  EV("EV SSL サーバ証明書", "EV SSL Certificate", true);

  private final String nameJa;
  private final String nameEn;
  private final boolean extendedValidation;

  Product(String nameJa, String nameEn, boolean extendedValidation) {
    this.nameJa = nameJa;
    this.nameEn = nameEn;
    this.extendedValidation = extendedValidation;
  }

  public String nameJa() {
    return nameJa;
  }

  public String nameEn() {
    return nameEn;
  }

  public boolean extendedValidation() {
    return extendedValidation;
  }
}
