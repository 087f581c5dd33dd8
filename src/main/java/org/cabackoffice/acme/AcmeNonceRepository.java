package org.cabackoffice.acme;

import java.time.Instant;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

interface AcmeNonceRepository extends JpaRepository<AcmeNonce, String> {

  /** Removes the nonce; 1 when it was there, so two requests can never both use it. */
  @Modifying
  @Query("delete from AcmeNonce n where n.nonce = :nonce and n.expiresAt > :now")
  int use(@Param("nonce") String nonce, @Param("now") Instant now);

  @Modifying
  @Query("delete from AcmeNonce n where n.expiresAt <= :now")
  int expire(@Param("now") Instant now);
}
