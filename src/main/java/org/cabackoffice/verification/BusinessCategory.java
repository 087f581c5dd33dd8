package org.cabackoffice.verification;

import java.util.Arrays;
import java.util.Optional;

/**
 * The EV subject's businessCategory (EV Guidelines 7.1.4.2.3), as the qualified information
 * source shows the organization's legal form (EV Guidelines 4.1.4: a Private Organization exists
 * by a filing with the incorporating agency, a Government Entity is one of the state's, a Business
 * Entity is neither and not incorporated, a Non-Commercial Entity is an international
 * organization).
 */
public enum BusinessCategory {
  PRIVATE_ORGANIZATION("Private Organization"),
  GOVERNMENT_ENTITY("Government Entity"),
  BUSINESS_ENTITY("Business Entity"),
  NON_COMMERCIAL_ENTITY("Non-Commercial Entity");

  private final String text;

  BusinessCategory(String text) {
    this.text = text;
  }

  /** As the certificate writes it. */
  public String text() {
    return text;
  }

  /** From the enum name or the certificate's text, case-insensitive. */
  public static Optional<BusinessCategory> parse(String value) {
    String wanted = value == null ? "" : value.trim();
    return Arrays.stream(values())
        .filter(c -> c.name().equalsIgnoreCase(wanted) || c.text.equalsIgnoreCase(wanted))
        .findFirst();
  }

  /**
   * The category the NTA's 法人種別 code implies: 101 国の機関 and 201 地方公共団体 are government;
   * 301–305 (株式会社, 有限会社, 合名会社, 合資会社, 合同会社) and 399 (other entities established by
   * registration, e.g. 一般社団法人) exist by a filing; 401 外国会社等 and 499 その他 are left for an
   * officer to decide.
   */
  static Optional<BusinessCategory> ofNtaKind(String kind) {
    return switch (kind == null ? "" : kind.trim()) {
      case "101", "201" -> Optional.of(GOVERNMENT_ENTITY);
      case "301", "302", "303", "304", "305", "399" -> Optional.of(PRIVATE_ORGANIZATION);
      default -> Optional.empty();
    };
  }
}
