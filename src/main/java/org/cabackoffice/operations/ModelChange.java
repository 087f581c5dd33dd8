package org.cabackoffice.operations;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Embeddable;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * A proposed change of a process model, kept for good: who proposed what and why, against which
 * deployed version, who approved or declined it and when, and the version it became (BR 5.4.1:
 * the procedure a certificate went through is part of its record).
 */
@Entity
@Table(name = "model_change")
public class ModelChange {

  public enum Status {
    /** Checked and waiting for a second person. */
    PROPOSED,
    DEPLOYED,
    DECLINED
  }

  /** A file of the change; its content stays in the record, its hash goes to the audit log. */
  @Embeddable
  public static class File {
    @Column(nullable = false, length = 255)
    private String name;

    @Column(nullable = false, length = 64)
    private String sha256;

    @Column(nullable = false)
    private byte[] content;

    protected File() {}

    File(ModelResource resource) {
      this.name = resource.name();
      this.sha256 = resource.sha256();
      this.content = resource.content();
    }

    public String getName() {
      return name;
    }

    public String getSha256() {
      return sha256;
    }

    /** As the audit log records the change's files: by name and hash. */
    @Override
    public String toString() {
      return name + " sha256:" + sha256;
    }

    ModelResource resource() {
      return new ModelResource(name, content);
    }
  }

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;

  @Column(name = "process_key", nullable = false, updatable = false, length = 64)
  private String processKey;

  @Column(name = "base_definition_id", nullable = false, updatable = false, length = 64)
  private String baseDefinitionId;

  @Column(name = "base_version", nullable = false, updatable = false)
  private int baseVersion;

  @Column(name = "rollback_to", updatable = false, length = 64)
  private String rollbackTo;

  @Column(nullable = false, updatable = false, length = 2000)
  private String purpose;

  @Column(name = "model_sha256", nullable = false, updatable = false, length = 64)
  private String modelSha256;

  @Column(nullable = false, updatable = false, length = 4000)
  private String changes;

  @Enumerated(EnumType.STRING)
  @Column(nullable = false, length = 16)
  private Status status;

  @Column(name = "proposed_by", nullable = false, updatable = false, length = 64)
  private String proposedBy;

  @Column(name = "proposed_at", nullable = false, updatable = false)
  private Instant proposedAt;

  @Column(name = "decided_by", length = 64)
  private String decidedBy;

  @Column(name = "decided_at")
  private Instant decidedAt;

  @Column(name = "decision_note", length = 2000)
  private String decisionNote;

  @Column(name = "deployment_id", length = 64)
  private String deploymentId;

  @Column(name = "definition_id", length = 64)
  private String definitionId;

  @Column(name = "definition_version")
  private Integer definitionVersion;

  @Version private long version;

  @ElementCollection(fetch = FetchType.LAZY)
  @CollectionTable(name = "model_change_resource", joinColumns = @JoinColumn(name = "change_id"))
  private List<File> files = new ArrayList<>();

  protected ModelChange() {}

  ModelChange(
      DeployedVersion base,
      String rollbackTo,
      String purpose,
      List<ModelResource> resources,
      ModelReview review,
      String proposedBy,
      Instant proposedAt) {
    this.processKey = base.processKey();
    this.baseDefinitionId = base.definitionId();
    this.baseVersion = base.version();
    this.rollbackTo = rollbackTo;
    this.purpose = purpose;
    this.modelSha256 = resources.stream().filter(ModelResource::isModel).findFirst().orElseThrow().sha256();
    this.changes = review.summary();
    this.status = Status.PROPOSED;
    this.proposedBy = proposedBy;
    this.proposedAt = proposedAt;
    resources.forEach(r -> files.add(new File(r)));
  }

  void deployed(String approver, Instant at, String note, DeployedVersion result) {
    this.status = Status.DEPLOYED;
    this.decidedBy = approver;
    this.decidedAt = at;
    this.decisionNote = note;
    this.deploymentId = result.deploymentId();
    this.definitionId = result.definitionId();
    this.definitionVersion = result.version();
  }

  void declined(String by, Instant at, String note) {
    this.status = Status.DECLINED;
    this.decidedBy = by;
    this.decidedAt = at;
    this.decisionNote = note;
  }

  List<ModelResource> resources() {
    return files.stream().map(File::resource).toList();
  }

  public Long getId() {
    return id;
  }

  public String getProcessKey() {
    return processKey;
  }

  public String getBaseDefinitionId() {
    return baseDefinitionId;
  }

  public int getBaseVersion() {
    return baseVersion;
  }

  public String getRollbackTo() {
    return rollbackTo;
  }

  public String getPurpose() {
    return purpose;
  }

  public String getModelSha256() {
    return modelSha256;
  }

  public String getChanges() {
    return changes;
  }

  public Status getStatus() {
    return status;
  }

  public String getProposedBy() {
    return proposedBy;
  }

  public Instant getProposedAt() {
    return proposedAt;
  }

  public String getDecidedBy() {
    return decidedBy;
  }

  public Instant getDecidedAt() {
    return decidedAt;
  }

  public String getDecisionNote() {
    return decisionNote;
  }

  public String getDeploymentId() {
    return deploymentId;
  }

  public String getDefinitionId() {
    return definitionId;
  }

  public Integer getDefinitionVersion() {
    return definitionVersion;
  }

  public List<File> getFiles() {
    return files;
  }
}
