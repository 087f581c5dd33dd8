package org.cabackoffice.payment;

import jakarta.persistence.LockModeType;
import java.util.List;
import java.util.Optional;
import org.springframework.data.jpa.repository.Lock;
import org.springframework.data.repository.Repository;

public interface CouponRepository extends Repository<Coupon, Long> {

  Coupon save(Coupon coupon);

  /** The coupon under its row lock: a second redemption of the code waits, then sees it used. */
  @Lock(LockModeType.PESSIMISTIC_WRITE)
  Optional<Coupon> findForUpdateByCode(String code);

  Optional<Coupon> findByCode(String code);

  List<Coupon> findAllByOrderByIssuedAtDescIdDesc();

  List<Coupon> findByProductOrderByIssuedAtDescIdDesc(String product);
}
