package org.cabackoffice.operations;

import java.util.List;
import java.util.Optional;

/** The engine's side of model changes: what is deployed, the checks, and the deployment. */
public interface ProcessModels {

  /** The processes operations may change, by key. */
  List<String> processKeys();

  /** The id of the model's executable process, when it parses and has exactly one. */
  Optional<String> processKeyOf(ModelResource model);

  /** The version new applications start on. */
  Optional<DeployedVersion> latest(String processKey);

  /** Every version of the process, newest first (without their files). */
  List<DeployedVersion> versions(String processKey);

  /** One version with its files. */
  Optional<DeployedVersion> version(String definitionId);

  /**
   * The checks a model must pass before it is deployed, and its differences against {@code base}:
   * the proposed files, with the base's forms standing in for forms not proposed.
   */
  ModelReview review(List<ModelResource> proposed, DeployedVersion base);

  /**
   * Deploys the model with the base's forms, the proposed ones replacing theirs, in one
   * deployment (user tasks bind their forms by deployment).
   *
   * @return the version it became
   */
  DeployedVersion deploy(String deploymentName, List<ModelResource> proposed, DeployedVersion base);
}
