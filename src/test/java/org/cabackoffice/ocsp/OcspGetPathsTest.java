package org.cabackoffice.ocsp;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.security.web.firewall.RequestRejectedException;

class OcspGetPathsTest {

  private final OcspGetPaths.OcspFirewall firewall = new OcspGetPaths.OcspFirewall();

  /** As Tomcat hands the request on with encoded slashes passed through undecoded. */
  private static MockHttpServletRequest get(String path) {
    MockHttpServletRequest request = new MockHttpServletRequest("GET", path);
    request.setServletPath(path);
    return request;
  }

  @Test
  void anOcspRequestInThePathMayHoldEncodedSlashes() {
    assertThatCode(() -> firewall.getFirewalledRequest(get("/ocsp/MEow%2FSDBGMEQwQjAJ%2BgUrDgMCGg%3D%3D")))
        .doesNotThrowAnyException();
  }

  @Test
  void anOcspRequestWhoseBase64HoldsTwoSlashesInARowIsAnsweredToo() {
    // "//" in the base64 (about one request in forty: it depends on the serial) is "%2F%2F" in
    // nginx's GET; the strict firewall took it for a double slash and nginx got a 400 in
    // problem+json instead of an OCSP response, and stapled nothing for minutes.
    assertThatCode(() -> firewall.getFirewalledRequest(get("/ocsp/MEow%2F%2FDBGMEQwQjAJ%2BgUrDgMCGg%3D%3D")))
        .doesNotThrowAnyException();
    assertThatCode(() -> firewall.getFirewalledRequest(get("/ocsp/%2FMEowSDBGMEQwQjAJ%2BgUrDgMCGg%3D%3D")))
        .doesNotThrowAnyException();
  }

  @Test
  void everyOtherPathIsCheckedStrictly() {
    assertThatThrownBy(() -> firewall.getFirewalledRequest(get("/api/applications%2F1")))
        .isInstanceOf(RequestRejectedException.class);
    assertThatThrownBy(() -> firewall.getFirewalledRequest(get("/ocsp/../api/applications")))
        .isInstanceOf(RequestRejectedException.class);
    MockHttpServletRequest post = new MockHttpServletRequest("POST", "/ocsp/a%2Fb");
    post.setServletPath("/ocsp/a%2Fb");
    assertThatThrownBy(() -> firewall.getFirewalledRequest(post)).isInstanceOf(RequestRejectedException.class);
  }
}
