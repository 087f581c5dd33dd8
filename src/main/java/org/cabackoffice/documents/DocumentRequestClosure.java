package org.cabackoffice.documents;

import org.cabackoffice.application.ApplicationRejected;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/** Upload links of a refused application stop working. */
@Component
public class DocumentRequestClosure {

  private final DocumentRequests requests;

  public DocumentRequestClosure(DocumentRequests requests) {
    this.requests = requests;
  }

  @EventListener
  public void on(ApplicationRejected rejected) {
    for (DocumentKind kind : DocumentKind.values()) {
      requests.expire(rejected.applicationId(), kind);
    }
  }
}
