package org.cabackoffice.application;

/** One reason an application cannot be accepted, naming the field the customer must fix. */
public record IntakeFinding(String field, String code, String message) {}
