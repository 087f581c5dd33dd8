package org.cabackoffice.payment;

import java.net.URI;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.cabackoffice.application.Application;
import org.cabackoffice.application.ApplicationNotFoundException;
import org.cabackoffice.application.Applications;
import org.cabackoffice.security.CurrentUser;
import org.cabackoffice.security.CustomerAccounts;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.dao.PessimisticLockingFailureException;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.orm.ObjectOptimisticLockingFailureException;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Operations issue and list coupons; the customer (or an officer given the code by mail) pays an
 * invoiced application with one. Refusals answer with {@link PaymentRefused}'s reason
 * (web/ApiExceptionHandler): 422 for a code that cannot pay, 409 for an invoice that takes no
 * payment or does not exist yet.
 */
@RestController
public class CouponController {

  private final Coupons coupons;
  private final Applications applications;
  private final CustomerAccounts customers;
  private final CurrentUser currentUser;

  public CouponController(
      Coupons coupons, Applications applications, CustomerAccounts customers, CurrentUser currentUser) {
    this.coupons = coupons;
    this.applications = applications;
    this.customers = customers;
    this.currentUser = currentUser;
  }

  public record CouponOrder(String product, Integer count, LocalDate expiresOn) {}

  public record CouponView(
      String code,
      String product,
      LocalDate expiresOn,
      String issuedBy,
      Instant issuedAt,
      Long usedByApplication,
      Instant usedAt) {

    static CouponView of(Coupon c) {
      return new CouponView(
          c.getCode(), c.getProduct(), c.getExpiresOn(), c.getIssuedBy(), c.getIssuedAt(),
          c.getUsedByApplication(), c.getUsedAt());
    }
  }

  public record IssuedCoupons(String product, LocalDate expiresOn, List<String> codes) {}

  public record Redemption(String code) {}

  public record CouponPayment(
      long applicationId, long paymentId, long amountYen, LocalDate valueDate, boolean processNotified, String processNote) {}

  @PostMapping("/api/coupons")
  @PreAuthorize("hasRole('OPERATIONS')")
  public ResponseEntity<IssuedCoupons> issue(@RequestBody CouponOrder order) {
    if (order == null) {
      throw new PaymentRefused(PaymentRefused.Reason.INVALID_INPUT, "the order is missing");
    }
    List<Coupon> issued = coupons.issue(order.product(), order.count(), order.expiresOn(), currentUser.name());
    return ResponseEntity.created(URI.create("/api/coupons?product=" + issued.get(0).getProduct()))
        .body(
            new IssuedCoupons(
                issued.get(0).getProduct(),
                issued.get(0).getExpiresOn(),
                issued.stream().map(Coupon::getCode).toList()));
  }

  @GetMapping("/api/coupons")
  @PreAuthorize("hasAnyRole('OPERATIONS', 'AUDITOR')")
  public List<CouponView> list(@RequestParam(required = false) String product) {
    return coupons.list(product).stream().map(CouponView::of).toList();
  }

  @PostMapping("/api/applications/{applicationId}/coupon")
  @PreAuthorize("hasAnyRole('CUSTOMER', 'OFFICER')")
  public ResponseEntity<CouponPayment> redeem(
      @PathVariable long applicationId, @RequestBody Redemption redemption) {
    Application application = applications.get(applicationId);
    // A customer pays only its own applications; another's answers as if it did not exist.
    if (currentUser.isCustomer()
        && customers.byEmail(currentUser.name()).map(a -> a.getId() != application.getCustomerAccountId()).orElse(true)) {
      throw new ApplicationNotFoundException(applicationId);
    }
    RecordedPayment recorded =
        coupons.redeem(applicationId, redemption == null ? null : redemption.code(), currentUser.name());
    Payment p = recorded.payment();
    return ResponseEntity.created(URI.create("/api/applications/" + applicationId + "/receipt.pdf"))
        .body(
            new CouponPayment(
                applicationId, p.getId(), p.getAmountYen(), p.getValueDate(), recorded.processNotified(), recorded.processNote()));
  }

  /**
   * The same invoice paid twice at once (two coupons, or a coupon and a transfer): the unique
   * payment per invoice or the invoice's version stops the second, which learns it here.
   */
  @ExceptionHandler({
    DataIntegrityViolationException.class,
    ObjectOptimisticLockingFailureException.class,
    PessimisticLockingFailureException.class
  })
  ProblemDetail concurrentlyPaid(RuntimeException e) {
    ProblemDetail problem =
        ProblemDetail.forStatusAndDetail(
            HttpStatus.CONFLICT,
            "the invoice or the coupon was changed by someone else at the same time; reload the application and check whether it is paid");
    problem.setTitle("Payment refused");
    problem.setProperty("reason", PaymentRefused.Reason.ALREADY_PAID.name());
    return problem;
  }
}
