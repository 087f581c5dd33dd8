package org.cabackoffice.mail;

import com.icegreen.greenmail.configuration.GreenMailConfiguration;
import com.icegreen.greenmail.store.FolderException;
import com.icegreen.greenmail.store.StoredMessage;
import com.icegreen.greenmail.user.GreenMailUser;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.Address;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeUtility;
import java.io.IOException;
import java.io.UnsupportedEncodingException;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import org.cabackoffice.ports.ListeningPorts;
import org.cabackoffice.ports.PortTakenException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The development setup's mail server: GreenMail in-process, SMTP and IMAP, any login accepted
 * (authentication disabled), every recipient gets a mailbox on first delivery. Developers read
 * the mails through IMAP (any password) or {@code GET /api/dev/mails}.
 *
 * <p>Created and started by {@link MailCatcherConfiguration} before the application's {@code
 * JavaMailSender}, which is built from {@link #host()} and {@link #smtpPort()}: so port 0 (a
 * random free port, for tests) works without the sender knowing a port in advance.
 */
public class MailCatcher {

  private static final Logger log = LoggerFactory.getLogger(MailCatcher.class);
  private static final long STARTUP_TIMEOUT_MILLIS = 10_000;

  private final GreenMail greenMail;
  private final String host;
  private final MailDeliveryProperties.Catcher settings;

  public MailCatcher(MailDeliveryProperties.Catcher settings) {
    this.settings = settings;
    this.host = settings.host();
    ServerSetup smtp = new ServerSetup(settings.smtpPort(), host, ServerSetup.PROTOCOL_SMTP);
    ServerSetup imap = new ServerSetup(settings.imapPort(), host, ServerSetup.PROTOCOL_IMAP);
    // A loaded CI machine needs more than GreenMail's default second to open two sockets.
    smtp.setServerStartupTimeout(STARTUP_TIMEOUT_MILLIS);
    imap.setServerStartupTimeout(STARTUP_TIMEOUT_MILLIS);
    this.greenMail =
        new GreenMail(new ServerSetup[] {smtp, imap})
            .withConfiguration(GreenMailConfiguration.aConfig().withDisabledAuthentication());
  }

  public void start() {
    try {
      greenMail.start();
    } catch (RuntimeException failed) {
      greenMail.stop();
      throw portTaken(failed);
    }
    log.info(
        "mail catcher: SMTP on {}:{}, IMAP on {}:{} (any user name and password)",
        host,
        smtpPort(),
        host,
        imapPort());
  }

  /**
   * GreenMail's failure names no port; EmbeddedServicePorts moved a port taken at start, so one
   * lost since is found by asking each again.
   */
  private RuntimeException portTaken(RuntimeException failed) {
    InetAddress address;
    try {
      address = InetAddress.getByName(settings.host());
    } catch (UnknownHostException e) {
      return failed;
    }
    if (settings.smtpPort() != 0 && !ListeningPorts.free(address, settings.smtpPort())) {
      return new PortTakenException(
          "The mail catcher's SMTP server", settings.host(), settings.smtpPort(),
          "backoffice.mail.catcher.smtp-port", failed);
    }
    if (settings.imapPort() != 0 && !ListeningPorts.free(address, settings.imapPort())) {
      return new PortTakenException(
          "The mail catcher's IMAP server", settings.host(), settings.imapPort(),
          "backoffice.mail.catcher.imap-port", failed);
    }
    return failed;
  }

  public void stop() {
    greenMail.stop();
  }

  public boolean isRunning() {
    return greenMail.isRunning();
  }

  /** The address to connect to: the bind address, or loopback when bound to all interfaces. */
  public String host() {
    return "0.0.0.0".equals(host) || "::".equals(host) ? "127.0.0.1" : host;
  }

  /** The SMTP port actually bound (differs from the setting when that was 0). */
  public int smtpPort() {
    requireRunning();
    return greenMail.getSmtp().getPort();
  }

  /** The IMAP port actually bound (differs from the setting when that was 0). */
  public int imapPort() {
    requireRunning();
    return greenMail.getImap().getPort();
  }

  /** Every received mail, newest first. */
  public List<CaughtMail> mails() {
    return mailsTo(null);
  }

  /**
   * The mails delivered to one mailbox, newest first.
   *
   * @param address the recipient; null for all mailboxes
   */
  public List<CaughtMail> mailsTo(String address) {
    requireRunning();
    List<CaughtMail> found = new ArrayList<>();
    for (GreenMailUser user : greenMail.getUserManager().listUser()) {
      if (address != null && !user.getEmail().equalsIgnoreCase(address.trim())) {
        continue;
      }
      try {
        var inbox = greenMail.getManagers().getImapHostManager().getInbox(user);
        for (StoredMessage stored : inbox.getMessages()) {
          found.add(read(user.getEmail(), stored));
        }
      } catch (FolderException e) {
        throw new IllegalStateException("mail catcher cannot open the mailbox of a user", e);
      }
    }
    found.sort(Comparator.comparing(CaughtMail::receivedAt).reversed());
    return found;
  }

  private void requireRunning() {
    if (!greenMail.isRunning()) {
      throw new IllegalStateException("mail catcher is not running");
    }
  }

  private static CaughtMail read(String mailbox, StoredMessage stored) {
    MimeMessage message = stored.getMimeMessage();
    try {
      Body body = new Body();
      collect(message, body);
      return new CaughtMail(
          mailbox.toLowerCase(Locale.ROOT),
          addresses(message.getRecipients(Message.RecipientType.TO)),
          addresses(message.getFrom()),
          message.getSubject(),
          stored.getReceivedDate() == null ? Instant.EPOCH : stored.getReceivedDate().toInstant(),
          body.text == null ? "" : body.text,
          List.copyOf(body.attachments));
    } catch (MessagingException | IOException e) {
      throw new IllegalStateException("mail catcher cannot decode a received mail", e);
    }
  }

  private static void collect(Part part, Body body) throws MessagingException, IOException {
    String filename = part.getFileName();
    if (filename != null || Part.ATTACHMENT.equalsIgnoreCase(part.getDisposition())) {
      body.attachments.add(filename == null ? "(unnamed)" : decode(filename));
    } else if (part.isMimeType("multipart/*")) {
      Multipart multipart = (Multipart) part.getContent();
      for (int i = 0; i < multipart.getCount(); i++) {
        collect(multipart.getBodyPart(i), body);
      }
    } else if (part.isMimeType("text/plain") && body.text == null) {
      body.text = part.getContent().toString();
    }
  }

  private static String decode(String text) {
    try {
      return MimeUtility.decodeText(text);
    } catch (UnsupportedEncodingException e) {
      return text;
    }
  }

  private static List<String> addresses(Address[] addresses) {
    if (addresses == null) {
      return List.of();
    }
    List<String> out = new ArrayList<>();
    for (Address a : addresses) {
      // Shown as a person would write it: InternetAddress quotes any non-ASCII name.
      if (a instanceof InternetAddress ia && ia.getPersonal() != null) {
        out.add(ia.getPersonal() + " <" + ia.getAddress() + ">");
      } else if (a instanceof InternetAddress ia) {
        out.add(ia.getAddress());
      } else {
        out.add(a.toString());
      }
    }
    return out;
  }

  private static final class Body {
    private String text;
    private final List<String> attachments = new ArrayList<>();
  }
}
