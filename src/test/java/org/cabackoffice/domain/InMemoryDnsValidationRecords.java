package org.cabackoffice.domain;

import java.util.ArrayList;
import java.util.List;

/** List-backed challenge and evidence repositories for unit tests, numbered as the database would. */
final class InMemoryDnsValidationRecords {

  final List<DnsChallenge> challenges = new ArrayList<>();
  final List<DnsCheckEvidence> checks = new ArrayList<>();
  final List<CaaEvidence> caa = new ArrayList<>();

  final DnsChallengeRepository challengeRepository =
      new DnsChallengeRepository() {
        @Override
        public DnsChallenge save(DnsChallenge challenge) {
          if (challenge.getId() == null) {
            InMemoryRegistrationEvidence.assignId(challenge, challenges.size() + 1L);
            challenges.add(challenge);
          }
          return challenge;
        }

        @Override
        public List<DnsChallenge> findByApplicationIdOrderByIdAsc(long applicationId) {
          return challenges.stream().filter(c -> c.getApplicationId() == applicationId).toList();
        }

        @Override
        public List<DnsChallenge> findByApplicationIdAndDomainNameOrderByIdAsc(
            long applicationId, String domainName) {
          return challenges.stream()
              .filter(c -> c.getApplicationId() == applicationId)
              .filter(c -> c.getDomainName().equals(domainName))
              .toList();
        }
      };

  final DnsCheckEvidenceRepository checkRepository =
      new DnsCheckEvidenceRepository() {
        @Override
        public DnsCheckEvidence save(DnsCheckEvidence evidence) {
          InMemoryRegistrationEvidence.assignId(evidence, checks.size() + 1L);
          checks.add(evidence);
          return evidence;
        }

        @Override
        public List<DnsCheckEvidence> findByChallengeIdOrderByIdAsc(long challengeId) {
          return new ArrayList<>(
              checks.stream().filter(e -> e.getChallengeId() == challengeId).toList());
        }
      };

  final CaaEvidenceRepository caaRepository =
      new CaaEvidenceRepository() {
        @Override
        public CaaEvidence save(CaaEvidence evidence) {
          InMemoryRegistrationEvidence.assignId(evidence, caa.size() + 1L);
          caa.add(evidence);
          return evidence;
        }

        @Override
        public java.util.List<CaaEvidence> findByApplicationIdOrderByCheckedAt(Long applicationId) {
          return caa.stream()
              .filter(e -> applicationId.equals(e.getApplicationId()))
              .sorted(java.util.Comparator.comparing(CaaEvidence::getCheckedAt))
              .toList();
        }
      };
}
