package org.cabackoffice.application;

public enum ApplicationType {
  NEW,
  RENEWAL
}
