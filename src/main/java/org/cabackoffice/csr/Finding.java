package org.cabackoffice.csr;

/**
 * One result of the CSR policy. The code is stable (clients and the process branch on it); the
 * messages are for people, in English and in Japanese because the guide's customers read Japanese.
 */
public record Finding(String code, Severity severity, String message, String messageJa) {}
