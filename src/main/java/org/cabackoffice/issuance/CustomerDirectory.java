package org.cabackoffice.issuance;

import java.util.Optional;

/**
 * Finds storefront accounts by their user ID, the technical contact's e-mail (guide [2]).
 * Implemented by the package that owns customer accounts; issuance only needs the id.
 */
public interface CustomerDirectory {

  Optional<Long> idOfEmail(String email);
}
