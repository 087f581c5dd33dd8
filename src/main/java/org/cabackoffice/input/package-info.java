/**
 * Rules for what arrives from outside before any feature reads it: text fields (no control
 * characters where they do not belong, no bidi overrides in names) and DER (nesting bounded before
 * a recursive parser sees it), and outside text shortened to fit a column or a message
 * ({@link org.cabackoffice.input.Truncation}). Depends on no other package of the back office, so every feature
 * may use it.
 */
package org.cabackoffice.input;
