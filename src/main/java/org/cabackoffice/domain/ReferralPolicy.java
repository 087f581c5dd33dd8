package org.cabackoffice.domain;

import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.UnknownHostException;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Where a server named in a registry's answer may be reached. Configured servers are the
 * operators' choice; a referral (IANA's {@code refer:}, a thin registry's {@code Registrar WHOIS
 * Server:}, an RDAP {@code related} link) is text from the network, and without this check a
 * registrar's record, or anyone spoofing a plain-TCP WHOIS answer, could make the back office
 * connect to its own network (databases, cloud metadata at 169.254.169.254) and store what
 * came back as evidence. Such referrals are refused unless the registries themselves live on a
 * private network ({@code backoffice.whois.private-referrals=true}: tests and closed setups).
 */
@Component
public class ReferralPolicy {

  private final boolean privateAddressesAllowed;

  public ReferralPolicy(
      @Value("${backoffice.whois.private-referrals:false}") boolean privateAddressesAllowed) {
    this.privateAddressesAllowed = privateAddressesAllowed;
  }

  /** Public addresses only: the production rule. */
  public static ReferralPolicy publicAddressesOnly() {
    return new ReferralPolicy(false);
  }

  /** Any address: registries on loopback ports in tests. */
  public static ReferralPolicy anyAddress() {
    return new ReferralPolicy(true);
  }

  /**
   * The address to connect to for a referred host: resolved once here and used as is, so a
   * second resolution cannot swap in another address (DNS rebinding).
   *
   * @throws ReferralRefusedException every address of the host is refused or some is private
   * @throws RegistryUnavailableException the host does not resolve
   */
  public InetAddress addressFor(String host) {
    InetAddress[] addresses;
    try {
      addresses = InetAddress.getAllByName(host);
    } catch (UnknownHostException e) {
      throw new RegistryUnavailableException("referred host " + host + " does not resolve", e);
    }
    if (!privateAddressesAllowed) {
      for (InetAddress address : addresses) {
        if (!isPublic(address)) {
          throw new ReferralRefusedException(
              "referral to " + host + " refused: it resolves to " + address.getHostAddress()
                  + ", not a public address");
        }
      }
    }
    return addresses[0];
  }

  static boolean isPublic(InetAddress address) {
    if (address.isAnyLocalAddress()
        || address.isLoopbackAddress()
        || address.isLinkLocalAddress()
        || address.isSiteLocalAddress()
        || address.isMulticastAddress()) {
      return false;
    }
    byte[] b = address.getAddress();
    if (address instanceof Inet4Address) {
      int first = b[0] & 0xff;
      int second = b[1] & 0xff;
      return first != 0 // "this network" (RFC 791)
          && !(first == 100 && second >= 64 && second < 128) // shared address space (RFC 6598)
          && !(first == 192 && second == 0 && (b[2] & 0xff) == 0) // IETF protocol assignments
          && !(first == 198 && (second == 18 || second == 19)) // benchmarking (RFC 2544)
          && first < 240; // reserved and broadcast
    }
    if (address instanceof Inet6Address) {
      return (b[0] & 0xfe) != 0xfc; // unique local (RFC 4193)
    }
    return false;
  }

  /** A referral that names a host on a private network. */
  public static class ReferralRefusedException extends RuntimeException {
    public ReferralRefusedException(String message) {
      super(message);
    }
  }
}
