package org.cabackoffice.operations;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyList;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The rules of the path, without an engine: four eyes, a base that is still current, one model a change. */
class ModelChangesTest {

  static final ModelResource MODEL = new ModelResource("certificate-renewal.bpmn", "<changed/>".getBytes(StandardCharsets.UTF_8));
  static final DeployedVersion V1 = version("def:1", 1);
  static final ModelReview CHANGED = new ModelReview("certificate-renewal", List.of(),
      List.of(new ModelDifference(ModelDifference.Kind.CHANGED, "dns-recheck-wait", "intermediateCatchEvent", "Wait", List.of("timeDuration: a → b"))));

  ProcessModels models = mock(ProcessModels.class);
  ModelChangeRepository repository = mock(ModelChangeRepository.class);
  ModelChanges changes = new ModelChanges(models, repository, Clock.fixed(Instant.parse("2026-12-06T08:00:00Z"), ZoneOffset.UTC));

  static DeployedVersion version(String id, int version) {
    return new DeployedVersion("certificate-renewal", id, version, "dep:" + version, "SpringAutoDeployment", Instant.EPOCH, 0,
        List.of(new ModelResource("certificate-renewal.bpmn", "<deployed/>".getBytes(StandardCharsets.UTF_8))));
  }

  @BeforeEach
  void engine() {
    when(models.processKeyOf(any())).thenReturn(Optional.of("certificate-renewal"));
    when(models.latest("certificate-renewal")).thenReturn(Optional.of(V1));
    when(models.review(anyList(), any())).thenReturn(CHANGED);
    when(repository.save(any())).thenAnswer(i -> i.getArgument(0));
  }

  ModelChange proposed() {
    ModelChange change = changes.propose(List.of(MODEL), "recheck every 30 minutes", "operator");
    when(repository.findById(7L)).thenReturn(Optional.of(change));
    return change;
  }

  @Test
  void theProposerCannotApproveTheirOwnChange() {
    proposed();
    assertThatThrownBy(() -> changes.approve(7, "Operator", null))
        .isInstanceOf(ModelChangeRefusedException.class).hasMessageContaining("four-eyes");
    verify(models, never()).deploy(anyString(), anyList(), any());
  }

  @Test
  void aSecondPersonApprovesAndItIsDeployed() {
    ModelChange change = proposed();
    when(models.deploy(anyString(), anyList(), any())).thenReturn(version("def:2", 2));
    changes.approve(7, "operator2", "checked");
    assertThat(change.getStatus()).isEqualTo(ModelChange.Status.DEPLOYED);
    assertThat(change.getDecidedBy()).isEqualTo("operator2");
    assertThat(change.getDefinitionVersion()).isEqualTo(2);
    assertThat(change.getModelSha256()).isEqualTo(MODEL.sha256());
    assertThatThrownBy(() -> changes.approve(7, "admin", null)).hasMessageContaining("decided already");
  }

  @Test
  void aChangeProposedAgainstAnOlderVersionIsNotDeployed() {
    proposed();
    when(models.latest("certificate-renewal")).thenReturn(Optional.of(version("def:2", 2)));
    assertThatThrownBy(() -> changes.approve(7, "operator2", null))
        .isInstanceOf(ModelChangeRefusedException.class).hasMessageContaining("version 2 was deployed after");
    verify(models, never()).deploy(anyString(), anyList(), any());
  }

  @Test
  void aModelThatFailsTheChecksIsNotRecorded() {
    when(models.review(anyList(), any())).thenReturn(new ModelReview("certificate-renewal",
        List.of(new ModelFinding("controls", "check-caa", "a path skips the CAA check")), List.of()));
    assertThatThrownBy(() -> changes.propose(List.of(MODEL), "skip CAA", "operator"))
        .isInstanceOf(ModelChangeRefusedException.class).hasMessageContaining("controls");
    verify(repository, never()).save(any());
  }

  @Test
  void theUploadsShapeIsRefusedWithReasons() {
    assertThat(ModelChanges.shape(List.of(MODEL, new ModelResource("other.bpmn", new byte[] {1}),
        new ModelResource("../x.form", new byte[] {1})), " "))
        .extracting(ModelFinding::rule)
        .contains("purpose", "files");
    assertThat(ModelChanges.shape(List.of(MODEL), "why")).isEmpty();
  }

  @Test
  void declinedNeedsAReason() {
    ModelChange change = proposed();
    assertThatThrownBy(() -> changes.decline(7, "operator2", " ")).hasMessageContaining("say why");
    changes.decline(7, "operator2", "timer too short for the registry");
    assertThat(change.getStatus()).isEqualTo(ModelChange.Status.DECLINED);
  }
}
