package org.cabackoffice.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.InetAddress;
import java.net.UnknownHostException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ReferralPolicyTest {

  @ParameterizedTest
  @ValueSource(
      strings = {
        "127.0.0.1", "10.1.2.3", "172.16.0.1", "192.168.1.1", "169.254.169.254", "100.64.0.1",
        "0.0.0.0", "224.0.0.1", "255.255.255.255", "192.0.0.8", "198.18.0.1", "::1", "fe80::1",
        "fd00::1", "::ffff:10.0.0.1",
        // IPv4 inside IPv6: NAT64 (RFC 6052, 8215), 6to4 (RFC 3056), IPv4-compatible (RFC 4291)
        "64:ff9b::a9fe:a9fe", "64:ff9b::7f00:1", "64:ff9b:1::808:808", "2002:a00:1::1", "2002:a9fe:a9fe::",
        "::a00:1", "::7f00:1"
      })
  void privateLoopbackAndReservedAddressesAreNotPublic(String address) throws UnknownHostException {
    assertThat(ReferralPolicy.isPublic(InetAddress.getByName(address))).isFalse();
  }

  @ParameterizedTest
  @ValueSource(strings = {
        "8.8.8.8", "117.104.133.165", "2001:4860:4860::8888", "100.128.0.1", "64:ff9b::808:808", "2002:808:808::1"
      })
  void registryAddressesArePublic(String address) throws UnknownHostException {
    assertThat(ReferralPolicy.isPublic(InetAddress.getByName(address))).isTrue();
  }

  @Test
  void aReferralToLoopbackIsRefusedUnlessPrivateReferralsAreAllowed() {
    assertThatThrownBy(() -> ReferralPolicy.publicAddressesOnly().addressFor("127.0.0.1"))
        .isInstanceOf(ReferralPolicy.ReferralRefusedException.class)
        .hasMessage("referral to 127.0.0.1 refused: it resolves to 127.0.0.1, not a public address");
    assertThat(ReferralPolicy.anyAddress().addressFor("127.0.0.1").isLoopbackAddress()).isTrue();
  }

  @Test
  void aHostThatDoesNotResolveIsAnUnavailableRegistry() {
    assertThatThrownBy(() -> ReferralPolicy.publicAddressesOnly().addressFor("whois.registrar.invalid"))
        .isInstanceOf(RegistryUnavailableException.class)
        .hasMessageContaining("does not resolve");
  }
}
