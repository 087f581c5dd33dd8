package org.cabackoffice.acme;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.JWSObject;
import com.nimbusds.jose.Payload;
import com.nimbusds.jose.crypto.ECDSASigner;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.gen.ECKeyGenerator;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.cabackoffice.testsupport.Mutations;
import org.junit.jupiter.api.Test;

/**
 * Whatever arrives as an ACME request body, the JWS reader answers an ACME problem (a 4xx
 * problem document), never an exception that would become a 500; and a well-signed request
 * verifies.
 */
class AcmeJwsFuzzTest {

  static final String URL = "https://ca.example/acme/new-order";
  static final ECKey KEY = generate();
  static final AcmeJws JWS = jws();

  private static ECKey generate() {
    try {
      return new ECKeyGenerator(Curve.P_256).generate();
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  private static AcmeJws jws() {
    AcmeNonces nonces = mock(AcmeNonces.class);
    when(nonces.use(any())).thenReturn(true);
    return new AcmeJws(nonces);
  }

  static String signed(String payload, boolean embedKey) throws Exception {
    JWSHeader.Builder header = new JWSHeader.Builder(JWSAlgorithm.ES256).customParam("nonce", "n").customParam("url", URL);
    if (embedKey) {
      header.jwk(KEY.toPublicJWK());
    } else {
      header.keyID("https://ca.example/acme/account/1");
    }
    JWSObject jws = new JWSObject(header.build(), new Payload(payload));
    jws.sign(new ECDSASigner(KEY));
    return "{\"protected\":\"" + jws.getHeader().toBase64URL() + "\",\"payload\":\"" + jws.getPayload().toBase64URL()
        + "\",\"signature\":\"" + jws.getSignature() + "\"}";
  }

  @Test
  void aWellSignedRequestVerifies() throws Exception {
    SignedRequest request =
        JWS.verify(signed("{\"identifiers\":[]}", true).getBytes(StandardCharsets.UTF_8), URL, AcmeJws.Signer.EMBEDDED_KEY, kid -> Optional.empty());
    assertThat(request.object().has("identifiers")).isTrue();
    assertThat(AcmeJws.thumbprint(request.jwk())).isEqualTo(KEY.computeThumbprint().toString());
  }

  @Property(tries = 2000)
  void mutatedRequestsAreRefusedAsAcmeProblems(@ForAll("requests") byte[] body) {
    try {
      JWS.verify(body, URL, AcmeJws.Signer.EITHER, kid -> Optional.empty());
    } catch (AcmeProblem expected) {
      assertThat(expected.status()).isBetween(400, 499);
      assertThat(expected.type()).isNotBlank();
    }
  }

  @Property(tries = 1000)
  void anyHeaderTextIsRefusedAsAnAcmeProblem(@ForAll("headers") String header, @ForAll("base64url") String payload,
      @ForAll("base64url") String signature) {
    String protectedPart = Base64.getUrlEncoder().withoutPadding().encodeToString(header.getBytes(StandardCharsets.UTF_8));
    String body = "{\"protected\":\"" + protectedPart + "\",\"payload\":\"" + payload + "\",\"signature\":\"" + signature + "\"}";
    try {
      JWS.verify(body.getBytes(StandardCharsets.UTF_8), URL, AcmeJws.Signer.EITHER, kid -> Optional.empty());
    } catch (AcmeProblem expected) {
      assertThat(expected.status()).isBetween(400, 499);
    }
  }

  @Property(tries = 500)
  void anyExternalAccountBindingIsRefusedAsAnAcmeProblem(@ForAll("requests") byte[] binding) {
    try {
      com.fasterxml.jackson.databind.JsonNode node = new com.fasterxml.jackson.databind.ObjectMapper().readTree(binding);
      String kid = JWS.eabKid(node, URL);
      JWS.verifyEab(node, new byte[32], KEY.toPublicJWK());
      assertThat(kid).isNotNull();
    } catch (AcmeProblem expected) {
      assertThat(expected.status()).isBetween(400, 499);
    } catch (java.io.IOException notJson) {
      // The JSON parser's own refusal; the controller never sees it (the outer body is checked first).
    }
  }

  @Provide
  Arbitrary<byte[]> requests() throws Exception {
    JWSObject eab = new JWSObject(
        new JWSHeader.Builder(JWSAlgorithm.HS256).keyID("eab-1").customParam("url", URL).build(),
        new Payload(KEY.toPublicJWK().toJSONString()));
    eab.sign(new MACSigner(new byte[32]));
    String eabJson = "{\"protected\":\"" + eab.getHeader().toBase64URL() + "\",\"payload\":\"" + eab.getPayload().toBase64URL()
        + "\",\"signature\":\"" + eab.getSignature() + "\"}";
    return Arbitraries.oneOf(
        Mutations.of(List.of(
            signed("{\"identifiers\":[{\"type\":\"dns\",\"value\":\"www.example.jp\"}]}", true).getBytes(StandardCharsets.UTF_8),
            signed("", false).getBytes(StandardCharsets.UTF_8),
            eabJson.getBytes(StandardCharsets.UTF_8))),
        Arbitraries.bytes().array(byte[].class).ofMaxSize(512));
  }

  @Provide
  Arbitrary<String> headers() {
    Arbitrary<String> alg = Arbitraries.of("ES256", "RS256", "HS256", "none", "", "ES512", "PS256");
    Arbitrary<String> jwk = Arbitraries.of(
        "", ",\"jwk\":{}", ",\"jwk\":" + KEY.toPublicJWK().toJSONString(), ",\"jwk\":" + KEY.toJSONString(),
        ",\"jwk\":{\"kty\":\"RSA\",\"n\":\"AQAB\",\"e\":\"AQAB\"}", ",\"jwk\":{\"kty\":\"EC\",\"crv\":\"P-256\",\"x\":\"AA\",\"y\":\"AA\"}",
        ",\"kid\":\"https://ca.example/acme/account/1\"", ",\"kid\":5", ",\"jwk\":[]");
    Arbitrary<String> rest = Arbitraries.of(
        ",\"nonce\":\"n\",\"url\":\"" + URL + "\"", ",\"nonce\":1", ",\"url\":null", "", ",\"crit\":[\"x\"]", ",\"b64\":false");
    return Arbitraries.oneOf(
        net.jqwik.api.Combinators.combine(alg, jwk, rest).as((a, j, r) -> "{\"alg\":\"" + a + "\"" + j + r + "}"),
        Arbitraries.strings().ofMaxLength(200));
  }

  @Provide
  Arbitrary<String> base64url() {
    return Arbitraries.oneOf(
        Arbitraries.strings().withChars("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_").ofMaxLength(120),
        Arbitraries.strings().ofMaxLength(40));
  }
}
