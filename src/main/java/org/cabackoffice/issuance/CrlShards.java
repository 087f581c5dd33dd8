package org.cabackoffice.issuance;

/**
 * Places each new certificate on one shard of the issuing CA's partitioned CRL (BR 7.2.2, RFC
 * 5280 5.2.5), before its TBS is built, since the certificate names its shard's URL.
 */
@FunctionalInterface
public interface CrlShards {

  /** The shard the next certificate is listed on; never handed out for no certificate's sake. */
  int assign();
}
