package org.cabackoffice.transparency;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.Signature;
import java.security.spec.ECGenParameterSpec;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.api.Test;

class SignedCertificateTimestampTest {

  private static final HexFormat HEX = HexFormat.of();
  private static final byte[] ISSUER_KEY_HASH = filled(32, 0x11);
  private static final byte[] TBS = HEX.parseHex("3003020101");
  private static final long TIMESTAMP = 0x0000018c_2f5e_1a2bL;

  @Test
  void anSctSignedByTheLogOverThePrecertEntryVerifies() throws Exception {
    KeyPair log = p256();
    SignedCertificateTimestamp sct = signedBy(log, TBS, ISSUER_KEY_HASH);

    assertThat(sct.verifies(log.getPublic(), ISSUER_KEY_HASH, TBS)).isTrue();
  }

  @Test
  void anSctDoesNotVerifyForAnotherTbsIssuerTimestampOrKey() throws Exception {
    KeyPair log = p256();
    SignedCertificateTimestamp sct = signedBy(log, TBS, ISSUER_KEY_HASH);

    byte[] otherTbs = TBS.clone();
    otherTbs[4] = 2;
    assertThat(sct.verifies(log.getPublic(), ISSUER_KEY_HASH, otherTbs)).isFalse();
    assertThat(sct.verifies(log.getPublic(), filled(32, 0x12), TBS)).isFalse();
    SignedCertificateTimestamp laterTimestamp =
        new SignedCertificateTimestamp(sct.logId(), sct.timestamp() + 1, sct.extensions(), sct.signature());
    assertThat(laterTimestamp.verifies(log.getPublic(), ISSUER_KEY_HASH, TBS)).isFalse();
    byte[] flipped = sct.signature().clone();
    flipped[flipped.length - 1] ^= 1;
    assertThat(new SignedCertificateTimestamp(sct.logId(), sct.timestamp(), sct.extensions(), flipped)
            .verifies(log.getPublic(), ISSUER_KEY_HASH, TBS))
        .isFalse();
    assertThat(sct.verifies(p256().getPublic(), ISSUER_KEY_HASH, TBS)).isFalse();
  }

  @Test
  void anSctClaimingAnotherAlgorithmThanTheLogKeyDoesNotVerify() throws Exception {
    KeyPair log = p256();
    SignedCertificateTimestamp sct = signedBy(log, TBS, ISSUER_KEY_HASH);
    byte[] rsaClaimed = sct.signature().clone();
    rsaClaimed[1] = 1;

    assertThat(new SignedCertificateTimestamp(sct.logId(), sct.timestamp(), sct.extensions(), rsaClaimed)
            .verifies(log.getPublic(), ISSUER_KEY_HASH, TBS))
        .isFalse();
  }

  @Test
  void theListIsTlsEncodedWithTwoByteLengths() {
    byte[] signature = HEX.parseHex("0403000201ff");
    SignedCertificateTimestamp first = new SignedCertificateTimestamp(filled(32, 0xaa), TIMESTAMP, new byte[0], signature);
    SignedCertificateTimestamp second =
        new SignedCertificateTimestamp(filled(32, 0xbb), TIMESTAMP + 1, HEX.parseHex("0102"), signature);

    // RFC 6962 3.2: version, log id, uint64 timestamp, extensions<0..2^16-1>, digitally-signed.
    String firstSct = "00" + "aa".repeat(32) + "0000018c2f5e1a2b" + "0000" + "0403000201ff";
    String secondSct = "00" + "bb".repeat(32) + "0000018c2f5e1a2c" + "00020102" + "0403000201ff";
    assertThat(HEX.formatHex(first.encoded())).isEqualTo(firstSct);
    // RFC 6962 3.3: SignedCertificateTimestampList = opaque SerializedSCT<1..2^16-1> list<1..2^16-1>.
    assertThat(HEX.formatHex(SignedCertificateTimestamp.list(List.of(first, second))))
        // 49 and 51 bytes, 104 in all with their lengths.
        .isEqualTo("0068" + "0031" + firstSct + "0033" + secondSct);
  }

  @Test
  void anEmptyListOrAMalformedSctIsRefused() {
    assertThatThrownBy(() -> SignedCertificateTimestamp.list(List.of())).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new SignedCertificateTimestamp(new byte[31], 1, new byte[0], HEX.parseHex("04030000")))
        .hasMessageContaining("32 bytes");
    assertThatThrownBy(() -> new SignedCertificateTimestamp(new byte[32], 1, new byte[0], HEX.parseHex("0403000501")))
        .hasMessageContaining("DigitallySigned");
    assertThatThrownBy(() -> SignedCertificateTimestamp.fromJson(1, "", 1, "", ""))
        .hasMessageContaining("not v1");
  }

  /** Signs as a log does, the struct written out here from RFC 6962 3.2 rather than by the class. */
  private static SignedCertificateTimestamp signedBy(KeyPair log, byte[] tbs, byte[] issuerKeyHash) throws Exception {
    String data =
        "00" + "00" + String.format("%016x", TIMESTAMP) + "0001" + HEX.formatHex(issuerKeyHash)
            + String.format("%06x", tbs.length) + HEX.formatHex(tbs) + "0000";
    Signature signer = Signature.getInstance("SHA256withECDSA");
    signer.initSign(log.getPrivate());
    signer.update(HEX.parseHex(data));
    byte[] signature = signer.sign();
    byte[] digitallySigned = new byte[signature.length + 4];
    digitallySigned[0] = 4;
    digitallySigned[1] = 3;
    digitallySigned[2] = (byte) (signature.length >> 8);
    digitallySigned[3] = (byte) signature.length;
    System.arraycopy(signature, 0, digitallySigned, 4, signature.length);
    byte[] logId = java.security.MessageDigest.getInstance("SHA-256").digest(log.getPublic().getEncoded());
    return new SignedCertificateTimestamp(logId, TIMESTAMP, new byte[0], digitallySigned);
  }

  private static KeyPair p256() throws Exception {
    KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
    generator.initialize(new ECGenParameterSpec("secp256r1"));
    return generator.generateKeyPair();
  }

  private static byte[] filled(int length, int value) {
    byte[] bytes = new byte[length];
    Arrays.fill(bytes, (byte) value);
    return bytes;
  }
}
