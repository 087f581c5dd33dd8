package org.cabackoffice.operations;

/**
 * Why a proposed model may not be deployed: the rule it breaks, the element (id) or file where,
 * and what is wrong, in words an operator can act on.
 */
public record ModelFinding(String rule, String where, String message) {}
