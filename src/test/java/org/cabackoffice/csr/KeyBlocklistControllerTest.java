package org.cabackoffice.csr;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.lang.reflect.Method;
import java.security.KeyPair;
import java.security.Principal;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;

class KeyBlocklistControllerTest {

  private final MockMvc mvc =
      MockMvcBuilders.standaloneSetup(
              new KeyBlocklistController(
                  new BlockedKeys(
                      new BlockedKeysTest.ListBlockedKeyRepository(),
                      Clock.fixed(Instant.parse("2026-05-11T01:02:03Z"), ZoneOffset.UTC))))
          .build();

  private static final Principal OFFICER = () -> "officer";

  private static MockHttpServletRequestBuilder add(String json) {
    return post("/api/key-blocklist").principal(OFFICER).contentType(MediaType.APPLICATION_JSON).content(json);
  }

  private static String json(String field, String value, String reason) {
    return "{\"" + field + "\": \"" + value.replace("\n", "\\n") + "\", \"reason\": \"" + reason + "\"}";
  }

  @Test
  void keyGivenAsPemIsListedUnderItsFingerprintWithWhoAndWhen() throws Exception {
    KeyPair key = TestCsr.ecKey("secp256r1");
    String fingerprint = org.cabackoffice.digest.Sha256.hex(key.getPublic().getEncoded());

    mvc.perform(add(json("pem", SpkiFingerprintTest.certificatePem(key), "subscriber reported key theft")))
        .andExpect(status().isCreated())
        .andExpect(jsonPath("$.spkiSha256").value(fingerprint))
        .andExpect(jsonPath("$.reason").value("subscriber reported key theft"))
        .andExpect(jsonPath("$.addedBy").value("officer"))
        .andExpect(jsonPath("$.addedAt").exists());
    mvc.perform(get("/api/key-blocklist"))
        .andExpect(status().isOk())
        .andExpect(jsonPath("$[0].spkiSha256").value(fingerprint))
        .andExpect(jsonPath("$[0].addedBy").value("officer"));
  }

  @Test
  void deeplyNestedPemIsA400WithTheReason() throws Exception {
    String attack =
        org.cabackoffice.testsupport.NestedDer.pem(
            "CERTIFICATE", org.cabackoffice.testsupport.NestedDer.sequences(6000));

    mvc.perform(add(json("pem", attack, "reported")))
        .andExpect(status().isBadRequest())
        .andExpect(jsonPath("$.code").value("key-blocklist.pem-unreadable"))
        .andExpect(jsonPath("$.detail").value(org.hamcrest.Matchers.containsString("nested")));
  }

  @Test
  void sameKeyTwiceIsAConflict() throws Exception {
    String fingerprint = "0f".repeat(32);
    mvc.perform(add(json("spkiSha256", fingerprint, "Debian weak key"))).andExpect(status().isCreated());

    mvc.perform(add(json("spkiSha256", fingerprint.toUpperCase(), "again")))
        .andExpect(status().isConflict())
        .andExpect(jsonPath("$.code").value("key-blocklist.duplicate"))
        .andExpect(jsonPath("$.spkiSha256").value(fingerprint));
  }

  @Test
  void entriesThatNameNoKeyOrNoReasonAre400WithTheirCode() throws Exception {
    mvc.perform(add(json("spkiSha256", "12345", "r")))
        .andExpect(status().isBadRequest())
        .andExpect(jsonPath("$.code").value("key-blocklist.fingerprint-invalid"));
    mvc.perform(add("{\"reason\": \"r\"}"))
        .andExpect(status().isBadRequest())
        .andExpect(jsonPath("$.code").value("key-blocklist.key-missing"));
    mvc.perform(add("{\"spkiSha256\": \"" + "ab".repeat(32) + "\", \"pem\": \"x\", \"reason\": \"r\"}"))
        .andExpect(status().isBadRequest())
        .andExpect(jsonPath("$.code").value("key-blocklist.key-missing"))
        .andExpect(jsonPath("$.detail").value(containsString("not both")));
    mvc.perform(add(json("pem", "not pem", "r")))
        .andExpect(status().isBadRequest())
        .andExpect(jsonPath("$.code").value("key-blocklist.pem-unreadable"));
    mvc.perform(add("{\"spkiSha256\": \"" + "ab".repeat(32) + "\"}"))
        .andExpect(status().isBadRequest())
        .andExpect(jsonPath("$.code").value("key-blocklist.reason-missing"));
    mvc.perform(post("/api/key-blocklist").principal(OFFICER).contentType(MediaType.APPLICATION_JSON))
        .andExpect(status().isBadRequest())
        .andExpect(jsonPath("$.code").value("key-blocklist.body-missing"));
  }

  @Test
  void handlersCarryTheirRoles() throws Exception {
    Method add = KeyBlocklistController.class.getMethod("add", KeyBlocklistController.Entry.class, Principal.class);
    Method list = KeyBlocklistController.class.getMethod("list");

    assertThat(add.getAnnotation(PreAuthorize.class).value())
        .isEqualTo("hasAnyRole('OFFICER', 'SENIOR_OFFICER')");
    assertThat(list.getAnnotation(PreAuthorize.class).value())
        .isEqualTo("hasAnyRole('OFFICER', 'SENIOR_OFFICER', 'AUDITOR')");
  }
}
