package org.cabackoffice.crl;

import java.util.List;
import org.springframework.data.repository.Repository;

/** Storage of {@link RootKeyUse}s; appended to, never changed. */
interface RootKeyUseRepository extends Repository<RootKeyUse, Long> {

  RootKeyUse saveAndFlush(RootKeyUse use);

  List<RootKeyUse> findAllByOrderByIdAsc();
}
