package org.cabackoffice.web;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockFilterChain;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;

class ParameterTextRuleTest {

  private final ParameterTextRule rule = new ParameterTextRule();

  private MockHttpServletResponse run(MockHttpServletRequest request) throws Exception {
    MockHttpServletResponse response = new MockHttpServletResponse();
    rule.doFilter(request, response, new MockFilterChain());
    return response;
  }

  @Test
  void aNulInAQueryParameterIsA400NamingIt() throws Exception {
    MockHttpServletRequest request = new MockHttpServletRequest("POST", "/api/certificates/import");
    request.setServletPath("/api/certificates/import");
    request.addParameter("customer", "tech\u0000@example.jp");

    MockHttpServletResponse response = run(request);

    assertThat(response.getStatus()).isEqualTo(400);
    assertThat(response.getContentType()).startsWith("application/problem+json");
    assertThat(response.getContentAsString())
        .contains("\"field\":\"customer\"", "text.forbidden-character", "U+0000")
        .doesNotContain("\u0000");
  }

  @Test
  void aMultipartRequestHasItsQueryStringChecked() throws Exception {
    MockHttpServletRequest request = new MockHttpServletRequest("POST", "/api/bank-statements");
    request.setServletPath("/api/bank-statements");
    request.setContentType("multipart/form-data; boundary=x");
    request.setQueryString("fileName=a%E2%80%AEfdp.exe");

    assertThat(run(request).getStatus()).isEqualTo(400);
  }

  @Test
  void ordinaryParametersAndOtherPathsPass() throws Exception {
    MockHttpServletRequest request = new MockHttpServletRequest("GET", "/api/domain-checks/sample.co.jp");
    request.setServletPath("/api/domain-checks/sample.co.jp");
    request.addParameter("organization", "サンプル株式会社 Sample K.K.");
    assertThat(run(request).getStatus()).isEqualTo(200);

    MockHttpServletRequest engine = new MockHttpServletRequest("GET", "/engine-rest/task");
    engine.setServletPath("/engine-rest/task");
    engine.addParameter("x", "\u0000");
    assertThat(run(engine).getStatus()).isEqualTo(200);
  }
}
