package org.cabackoffice.verification;

import java.time.Instant;
import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;

interface TradeNameRepository extends JpaRepository<TradeName, Long> {

  List<TradeName> findByEntryIdOrderByIdAsc(long entryId);

  List<TradeName> findByEntryIdAndVerifiedAtAfterOrderByIdAsc(long entryId, Instant since);
}
