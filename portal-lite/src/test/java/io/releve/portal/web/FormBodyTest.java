package io.releve.portal.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(30)
class FormBodyTest {
  private static final String BOUNDARY = "----releve7MA4YWxkTrZu0gW";

  private final TestSite site;

  FormBodyTest() throws Exception {
    site = new TestSite();
  }

  @AfterEach
  void close() {
    site.close();
  }

  @Test
  void multipartUpload_givesExactFileBytesAndUtf8Fields() throws Exception {
    byte[] file = new byte[70_000];
    for (int i = 0; i < file.length; i++) {
      // every byte value, CR and LF and the boundary's dashes included
      file[i] = (byte) (i * 31);
    }
    String token = site.csrf();

    HttpResponse<String> response =
        upload(token, "Relevé d’été ✓", "C:\\Users\\gérant\\logements.csv", file);

    assertEquals(200, response.statusCode(), response.body());
    assertTrue(response.body().contains("<p id=\"note\">Relevé d’été ✓</p>"));
    String sha = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(file));
    assertTrue(
        response.body().contains("<p id=\"file\">logements.csv|text/csv|70000|" + sha + "</p>"),
        response.body());
  }

  @Test
  void body_overTwoMegabytes_gets413() throws Exception {
    String token = site.csrf();

    HttpResponse<String> response =
        upload(token, "big", "big.csv", new byte[FormData.MAX_BODY_BYTES]);

    assertEquals(413, response.statusCode());
    assertTrue(response.body().contains("Envoi trop volumineux"));
  }

  @Test
  void urlEncodedForm_decodesUtf8AndPlus() throws Exception {
    String token = site.csrf();

    HttpResponse<String> response = site.post("/echo", Map.of("csrf", token, "text", "à b+c"));

    assertTrue(response.body().contains("<p id=\"echo\">à b+c</p>"));
  }

  @Test
  void malformedPercentEncoding_gets400() throws Exception {
    String token = site.csrf();

    HttpResponse<String> response =
        site.send(
            HttpRequest.newBuilder(site.uri("/echo"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("csrf=" + token + "&text=%zz")));

    assertEquals(400, response.statusCode());
  }

  @Test
  void aBoundaryLongerThanSeventyCharactersIsRefusedWith400BeforeTheBodyIsSearched()
      throws Exception {
    String token = site.csrf();
    String boundary = "b".repeat(20_000);
    String body =
        "--"
            + boundary
            + "\r\nContent-Disposition: form-data; name=\"csrf\"\r\n\r\n"
            + token
            + "\r\n--"
            + boundary
            + "--\r\n";

    HttpResponse<String> response =
        site.send(
            HttpRequest.newBuilder(site.uri("/echo"))
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.ofString(body)));

    assertEquals(400, response.statusCode());
  }

  @Test
  void aBoundaryOfSeventyCharactersIsStillAccepted() throws Exception {
    String token = site.csrf();
    String boundary = "b".repeat(70);
    String body =
        "--"
            + boundary
            + "\r\nContent-Disposition: form-data; name=\"csrf\"\r\n\r\n"
            + token
            + "\r\n--"
            + boundary
            + "\r\nContent-Disposition: form-data; name=\"text\"\r\n\r\nété\r\n--"
            + boundary
            + "--\r\n";

    HttpResponse<String> response =
        site.send(
            HttpRequest.newBuilder(site.uri("/echo"))
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8)));

    assertEquals(200, response.statusCode(), response.body());
    assertTrue(response.body().contains("<p id=\"echo\">été</p>"));
  }

  private HttpResponse<String> upload(String token, String note, String fileName, byte[] bytes)
      throws Exception {
    ByteArrayOutputStream body = new ByteArrayOutputStream();
    write(body, "--" + BOUNDARY + "\r\nContent-Disposition: form-data; name=\"csrf\"\r\n\r\n");
    write(body, token + "\r\n");
    write(body, "--" + BOUNDARY + "\r\nContent-Disposition: form-data; name=\"note\"\r\n\r\n");
    write(body, note + "\r\n");
    write(
        body,
        "--"
            + BOUNDARY
            + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\""
            + fileName
            + "\"\r\nContent-Type: text/csv\r\n\r\n");
    body.write(bytes);
    write(body, "\r\n--" + BOUNDARY + "--\r\n");
    return site.send(
        HttpRequest.newBuilder(site.uri("/upload"))
            .header("Content-Type", "multipart/form-data; boundary=" + BOUNDARY)
            .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray())));
  }

  private static void write(ByteArrayOutputStream out, String text) {
    out.writeBytes(text.getBytes(StandardCharsets.UTF_8));
  }
}
