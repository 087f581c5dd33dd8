/**
 * Server-rendered pages: Thymeleaf templates under {@code templates/} with the ja/en message
 * bundles {@code messages*.properties} (DESIGN.md: no HTML in Java strings). Depends on no other
 * package of the back office, so every feature with a page may use it.
 */
package org.cabackoffice.pages;
