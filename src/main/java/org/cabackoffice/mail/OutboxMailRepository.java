package org.cabackoffice.mail;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.springframework.data.domain.Limit;
import org.springframework.data.jpa.repository.EntityGraph;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

/**
 * The outbox table. Every transition after the insert is a conditional update whose row count
 * tells the caller whether it won: with several nodes on one database only the node that moved
 * the row gets to act on it.
 */
public interface OutboxMailRepository extends JpaRepository<OutboxMail, Long> {

  boolean existsByDedupKey(String dedupKey);

  long countByStatus(OutboxStatus status);

  /**
   * The mails about an application, as a projection of the caller's choosing: a closed interface
   * projection selects only its columns, so an audit listing never loads a body (it holds
   * one-time tokens).
   */
  <T> List<T> findByApplicationIdOrderByIdAsc(Long applicationId, Class<T> projection);

  @EntityGraph(attributePaths = "attachments")
  Optional<OutboxMail> findWithAttachmentsById(Long id);

  // No fetch join here: with a row limit Hibernate would apply the limit in memory.
  List<OutboxMail> findByStatusOrderByCreatedAtDesc(OutboxStatus status, Limit limit);

  List<OutboxMail> findAllByOrderByCreatedAtDesc(Limit limit);

  @Query(
      "select m.id from OutboxMail m where m.status = :pending and m.nextAttemptAt <= :now"
          + " order by m.nextAttemptAt, m.id")
  List<Long> findDueIds(
      @Param("pending") OutboxStatus pending, @Param("now") Instant now, Limit limit);

  /** PENDING → SENDING for exactly one node; 1 if this caller won the mail. */
  @Modifying(flushAutomatically = true, clearAutomatically = true)
  @Query(
      "update OutboxMail m set m.status = :sending, m.claimedAt = :now, m.claimToken = :token"
          + " where m.id = :id and m.status = :pending and m.nextAttemptAt <= :now")
  int claim(
      @Param("id") Long id,
      @Param("token") String token,
      @Param("now") Instant now,
      @Param("pending") OutboxStatus pending,
      @Param("sending") OutboxStatus sending);

  @Modifying(flushAutomatically = true, clearAutomatically = true)
  @Query(
      "update OutboxMail m set m.status = :sent, m.sentAt = :now, m.lastError = null,"
          + " m.claimedAt = null, m.claimToken = null"
          + " where m.id = :id and m.status = :sending and m.claimToken = :token")
  int markSent(
      @Param("id") Long id,
      @Param("token") String token,
      @Param("now") Instant now,
      @Param("sending") OutboxStatus sending,
      @Param("sent") OutboxStatus sent);

  /** Records a failed attempt: back to PENDING at {@code nextAttemptAt}, or FAILED for good. */
  @Modifying(flushAutomatically = true, clearAutomatically = true)
  @Query(
      "update OutboxMail m set m.status = :status, m.attempts = :attempts,"
          + " m.nextAttemptAt = :nextAttemptAt, m.lastError = :error,"
          + " m.claimedAt = null, m.claimToken = null"
          + " where m.id = :id and m.status = :sending and m.claimToken = :token")
  int markFailedAttempt(
      @Param("id") Long id,
      @Param("token") String token,
      @Param("status") OutboxStatus status,
      @Param("attempts") int attempts,
      @Param("nextAttemptAt") Instant nextAttemptAt,
      @Param("error") String error,
      @Param("sending") OutboxStatus sending);

  /**
   * Claims older than the lease belong to a node that stopped while sending: the attempt counts
   * as failed and the mail becomes claimable again (or FAILED when it was the last attempt). The
   * SMTP server may already have accepted it, so delivery is at least once, never lost.
   */
  @Modifying(flushAutomatically = true, clearAutomatically = true)
  @Query(
      "update OutboxMail m set m.status = case when m.attempts + 1 >= :maxAttempts"
          + " then :failed else :pending end,"
          + " m.attempts = m.attempts + 1, m.nextAttemptAt = :now, m.lastError = :error,"
          + " m.claimedAt = null, m.claimToken = null"
          + " where m.status = :sending and m.claimedAt < :expiredBefore")
  int releaseExpiredClaims(
      @Param("expiredBefore") Instant expiredBefore,
      @Param("now") Instant now,
      @Param("maxAttempts") int maxAttempts,
      @Param("error") String error,
      @Param("sending") OutboxStatus sending,
      @Param("pending") OutboxStatus pending,
      @Param("failed") OutboxStatus failed);

  /** An operator's retry of a FAILED mail: a fresh series of attempts, due now. */
  @Modifying(flushAutomatically = true, clearAutomatically = true)
  @Query(
      "update OutboxMail m set m.status = :pending, m.attempts = 0, m.nextAttemptAt = :now"
          + " where m.id = :id and m.status = :failed")
  int retryFailed(
      @Param("id") Long id,
      @Param("now") Instant now,
      @Param("failed") OutboxStatus failed,
      @Param("pending") OutboxStatus pending);
}
