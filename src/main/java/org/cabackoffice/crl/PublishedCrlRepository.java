package org.cabackoffice.crl;

import java.util.List;
import java.util.Optional;
import org.springframework.data.domain.Pageable;
import org.springframework.data.repository.Repository;

/** Storage of {@link PublishedCrl}s. */
interface PublishedCrlRepository extends Repository<PublishedCrl, Long> {

  PublishedCrl saveAndFlush(PublishedCrl crl);

  /** The newest CRL of a shard of the issuing CA: the highest number wins. */
  Optional<PublishedCrl> findFirstByIssuerAndIssuerKeyIdAndShardOrderByCrlNumberDesc(
      PublishedCrl.Issuer issuer, String issuerKeyId, Integer shard);

  Optional<PublishedCrl> findFirstByIssuerAndIssuerKeyIdOrderByCrlNumberDesc(
      PublishedCrl.Issuer issuer, String issuerKeyId);

  List<PublishedCrl> findAllByOrderByIdDesc(Pageable page);

  Optional<PublishedCrl> findById(Long id);
}
