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
      if ((b[0] & 0xfe) == 0xfc) {
        return false; // unique local (RFC 4193)
      }
      // IPv6 addresses that carry an IPv4 address a gateway or the stack delivers to: NAT64's
      // well-known prefix 64:ff9b::/96 (RFC 6052), 6to4's 2002::/16 (RFC 3056) and the deprecated
      // IPv4-compatible ::/96 (RFC 4291 2.5.5.1). Through them 10.0.0.1 or 169.254.169.254 is
      // reached under another name, so the IPv4 address inside is judged as itself.
      if (startsWith(b, 0x00, 0x64, 0xff, 0x9b) && allZero(b, 4, 12)) {
        return isPublic(embedded(b, 12));
      }
      if (startsWith(b, 0x20, 0x02)) {
        return isPublic(embedded(b, 2));
      }
      if (allZero(b, 0, 12)) {
        return isPublic(embedded(b, 12));
      }
      // NAT64's local-use prefix 64:ff9b:1::/48 (RFC 8215) translates to whatever the operator
      // chose, private networks included.
      return !startsWith(b, 0x00, 0x64, 0xff, 0x9b, 0x00, 0x01);
    }
    return false;
  }

  private static boolean startsWith(byte[] address, int... prefix) {
    for (int i = 0; i < prefix.length; i++) {
      if ((address[i] & 0xff) != prefix[i]) {
        return false;
      }
    }
    return true;
  }

  private static boolean allZero(byte[] address, int from, int to) {
    for (int i = from; i < to; i++) {
      if (address[i] != 0) {
        return false;
      }
    }
    return true;
  }

  private static InetAddress embedded(byte[] address, int from) {
    try {
      return InetAddress.getByAddress(java.util.Arrays.copyOfRange(address, from, from + 4));
    } catch (UnknownHostException impossible) {
      throw new IllegalStateException("four bytes are an IPv4 address", impossible);
    }
  }

  /** A referral that names a host on a private network. */
  public static class ReferralRefusedException extends RuntimeException {
    public ReferralRefusedException(String message) {
      super(message);
    }
  }
}
