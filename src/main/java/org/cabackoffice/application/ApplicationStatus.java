package org.cabackoffice.application;

public enum ApplicationStatus {
  IN_PROGRESS,
  ISSUED,
  REJECTED
}
