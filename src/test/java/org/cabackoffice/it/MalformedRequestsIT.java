package org.cabackoffice.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * What the HTTP layer refuses answers as problem details, and the API's body limits hold for
 * bodies that do not declare their length.
 */
class MalformedRequestsIT extends BackOfficeIT {

  private static final String OFFICER =
      "Basic " + Base64.getEncoder().encodeToString("officer:officer".getBytes(StandardCharsets.UTF_8));

  /**
   * A multipart statement meets the server's multipart limit (10 MB a file, 11 MB a request)
   * before the statement's own cap (64 MiB, for raw bodies): a chunked one is cut off there.
   */
  @Test
  void aChunkedMultipartStatementIsCutOffAtItsLimit() throws Exception {
    Answer answer =
        chunked(
            "/api/bank-statements",
            "multipart/form-data; boundary=xyz",
            "--xyz\r\nContent-Disposition: form-data; name=\"file\"; filename=\"furikomi.txt\"\r\n"
                + "Content-Type: text/plain\r\n\r\n",
            12 * 1024 * 1024);
    assertThat(answer.status()).as(answer.text()).isEqualTo(413);
    assertThat(answer.text()).contains("application/problem+json").contains("\"status\":413");
  }

  @Test
  void aChunkedJsonBodyIsCutOffAtOneMebibyte() throws Exception {
    Answer answer = chunked("/api/key-blocklist", "application/json", "{\"note\":\"", 3 * 1024 * 1024);
    assertThat(answer.status()).as(answer.text()).isEqualTo(413);
    assertThat(answer.text()).contains("application/problem+json");
    Answer engine = chunked("/engine-rest/task", "application/json", "{\"name\":\"", 3 * 1024 * 1024);
    assertThat(engine.status()).as(engine.text()).isEqualTo(413);
    assertThat(engine.text()).contains("application/problem+json");
  }

  @Test
  void requestsTomcatRefusesAreProblemDetails() throws Exception {
    for (String line :
        new String[] {
          "GET /api/applications%2f1 HTTP/1.1",
          "GET /api/applications%00 HTTP/1.1",
          "GET /api/" + "a".repeat(10_000) + " HTTP/1.1",
          "GET /api/applications HTTP/1.1 extra",
          "BAD\u0001LINE / HTTP/1.1",
        }) {
      String answer = raw(line + "\r\nHost: localhost\r\nConnection: close\r\n\r\n");
      assertThat(answer).as(line.substring(0, Math.min(line.length(), 40))).startsWith("HTTP/1.1 4");
      assertThat(answer).as(line.substring(0, Math.min(line.length(), 40)))
          .contains("application/problem+json")
          .doesNotContain("<html");
    }
  }

  record Answer(int status, String text) {}

  private int port() {
    return URI.create(http.getRootUri()).getPort();
  }

  /**
   * Sends {@code size} bytes of a chunked body but never its last chunk: only a server that stops
   * reading at its limit answers at all.
   */
  private Answer chunked(String path, String contentType, String start, int size) throws Exception {
    try (Socket socket = new Socket("127.0.0.1", port())) {
      socket.setSoTimeout(60_000);
      InputStream in = socket.getInputStream();
      CompletableFuture<String> reading =
          CompletableFuture.supplyAsync(
              () -> {
                ByteArrayOutputStream text = new ByteArrayOutputStream();
                try {
                  // Up to the end of the problem's JSON: the server may keep the connection.
                  for (int b = in.read(); b >= 0; b = in.read()) {
                    text.write(b);
                    String sofar = text.toString(StandardCharsets.UTF_8);
                    int body = sofar.indexOf("\r\n\r\n");
                    if (b == '}' && body > 0 && sofar.indexOf('{', body) > 0) {
                      break;
                    }
                  }
                } catch (IOException e) {
                  // The server may reset the connection after its answer.
                }
                return text.toString(StandardCharsets.UTF_8);
              });
      OutputStream out = socket.getOutputStream();
      try {
        out.write(
            ("POST " + path + " HTTP/1.1\r\nHost: localhost\r\nAuthorization: " + OFFICER
                    + "\r\nContent-Type: " + contentType
                    + "\r\nTransfer-Encoding: chunked\r\nConnection: close\r\n\r\n")
                .getBytes(StandardCharsets.US_ASCII));
        writeChunk(out, start.getBytes(StandardCharsets.UTF_8));
        byte[] filler = "a".repeat(64 * 1024).getBytes(StandardCharsets.US_ASCII);
        for (int written = 0; written < size && !reading.isDone(); written += filler.length) {
          writeChunk(out, filler);
        }
        out.flush();
      } catch (IOException e) {
        // The server stopped reading: its answer is what counts.
      }
      String text = reading.get(30, TimeUnit.SECONDS);
      int status = text.length() > 12 ? Integer.parseInt(text.substring(9, 12)) : -1;
      return new Answer(status, text);
    }
  }

  private static void writeChunk(OutputStream out, byte[] data) throws IOException {
    out.write((Integer.toHexString(data.length) + "\r\n").getBytes(StandardCharsets.US_ASCII));
    out.write(data);
    out.write("\r\n".getBytes(StandardCharsets.US_ASCII));
  }

  private String raw(String request) throws IOException {
    try (Socket socket = new Socket("127.0.0.1", port())) {
      socket.setSoTimeout(30_000);
      socket.getOutputStream().write(request.getBytes(StandardCharsets.ISO_8859_1));
      socket.getOutputStream().flush();
      return new String(socket.getInputStream().readAllBytes(), StandardCharsets.ISO_8859_1);
    }
  }
}
