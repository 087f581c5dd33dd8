package org.cabackoffice.mail;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** A file mailed with an outbox mail, e.g. the server certificate and the intermediate. */
@Entity
@Table(name = "outbox_attachment")
public class OutboxAttachment {

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;

  /** Keeps the order the caller gave (certificate before intermediate). */
  @Column(nullable = false)
  private int position;

  @Column(nullable = false, length = 255)
  private String filename;

  @Column(name = "content_type", nullable = false, length = 255)
  private String contentType;

  @Column(nullable = false)
  private byte[] content;

  protected OutboxAttachment() {}

  OutboxAttachment(int position, String filename, String contentType, byte[] content) {
    this.position = position;
    this.filename = filename;
    this.contentType = contentType;
    this.content = content.clone();
  }

  public Long getId() {
    return id;
  }

  public int getPosition() {
    return position;
  }

  public String getFilename() {
    return filename;
  }

  public String getContentType() {
    return contentType;
  }

  public byte[] getContent() {
    return content.clone();
  }
}
