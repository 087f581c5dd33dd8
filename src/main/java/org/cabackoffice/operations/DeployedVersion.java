package org.cabackoffice.operations;

import java.time.Instant;
import java.util.List;

/**
 * A version of a process the engine has: its definition, the deployment it came with (the model
 * and the forms its user tasks bind to by deployment), and how many applications still run on it.
 */
public record DeployedVersion(
    String processKey,
    String definitionId,
    int version,
    String deploymentId,
    String deploymentName,
    Instant deployedAt,
    long runningInstances,
    List<ModelResource> resources) {

  /** The model and forms of this version, as a proposal (a rollback) would carry them. */
  public List<ModelResource> modelAndForms(String modelName) {
    return resources.stream().filter(r -> r.isForm() || r.name().equals(modelName)).toList();
  }

  public java.util.Optional<ModelResource> model() {
    return resources.stream()
        .filter(ModelResource::isModel)
        .filter(r -> r.name().equals(modelName()))
        .findFirst();
  }

  /** The resource name of the process's model: the key's file, as bpmn/ names it. */
  public String modelName() {
    return resources.stream()
        .map(ModelResource::name)
        .filter(n -> n.endsWith(".bpmn") && n.substring(n.lastIndexOf('/') + 1).equals(processKey + ".bpmn"))
        .findFirst()
        .orElseGet(() -> resources.stream().map(ModelResource::name).filter(n -> n.endsWith(".bpmn")).findFirst().orElse(processKey + ".bpmn"));
  }
}
