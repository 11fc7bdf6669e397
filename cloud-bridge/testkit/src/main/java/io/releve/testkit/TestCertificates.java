package io.releve.testkit;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * A throw-away certificate authority, a broker certificate for {@code 127.0.0.1} and a client
 * certificate in a PKCS#12 file, made with the {@code openssl} command for the TLS tests.
 *
 * @param ca the authority's certificate (PEM), for the broker's {@code cafile} and the clients
 * @param brokerCertificate the broker's certificate (PEM), for {@code 127.0.0.1}
 * @param brokerKey its key (PEM)
 * @param clientP12 the client's certificate and key, PKCS#12
 * @param clientP12Password the password of that file
 */
public record TestCertificates(
    Path ca, Path brokerCertificate, Path brokerKey, Path clientP12, String clientP12Password) {

  public static final Path OPENSSL = Path.of("/usr/bin/openssl");

  /** Makes every file in {@code folder}; takes a second or two. */
  public static TestCertificates make(Path folder) {
    String password = "p12-test-password";
    Path ca = folder.resolve("ca.pem");
    Path caKey = folder.resolve("ca.key");
    Path brokerKey = folder.resolve("broker.key");
    Path brokerCsr = folder.resolve("broker.csr");
    Path brokerCert = folder.resolve("broker.pem");
    Path brokerExt = folder.resolve("broker.ext");
    Path clientKey = folder.resolve("client.key");
    Path clientCsr = folder.resolve("client.csr");
    Path clientCert = folder.resolve("client.pem");
    Path clientP12 = folder.resolve("client.p12");
    try {
      Files.writeString(brokerExt, "subjectAltName = IP:127.0.0.1\n", StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    run(
        folder,
        "req",
        "-x509",
        "-newkey",
        "rsa:2048",
        "-nodes",
        "-days",
        "2",
        "-subj",
        "/CN=Releve test CA",
        "-keyout",
        caKey.toString(),
        "-out",
        ca.toString());
    run(
        folder,
        "req",
        "-newkey",
        "rsa:2048",
        "-nodes",
        "-subj",
        "/CN=127.0.0.1",
        "-keyout",
        brokerKey.toString(),
        "-out",
        brokerCsr.toString());
    run(
        folder,
        "x509",
        "-req",
        "-in",
        brokerCsr.toString(),
        "-CA",
        ca.toString(),
        "-CAkey",
        caKey.toString(),
        "-CAcreateserial",
        "-days",
        "2",
        "-extfile",
        brokerExt.toString(),
        "-out",
        brokerCert.toString());
    run(
        folder,
        "req",
        "-newkey",
        "rsa:2048",
        "-nodes",
        "-subj",
        "/CN=rl042-gw1",
        "-keyout",
        clientKey.toString(),
        "-out",
        clientCsr.toString());
    run(
        folder,
        "x509",
        "-req",
        "-in",
        clientCsr.toString(),
        "-CA",
        ca.toString(),
        "-CAkey",
        caKey.toString(),
        "-CAcreateserial",
        "-days",
        "2",
        "-out",
        clientCert.toString());
    run(
        folder,
        "pkcs12",
        "-export",
        "-in",
        clientCert.toString(),
        "-inkey",
        clientKey.toString(),
        "-passout",
        "pass:" + password,
        "-out",
        clientP12.toString());
    return new TestCertificates(ca, brokerCert, brokerKey, clientP12, password);
  }

  private static void run(Path folder, String... args) {
    List<String> command = new java.util.ArrayList<>();
    command.add(OPENSSL.toString());
    command.addAll(List.of(args));
    Path output = folder.resolve("openssl.out");
    try {
      Process process =
          new ProcessBuilder(command)
              .directory(folder.toFile())
              .redirectErrorStream(true)
              .redirectOutput(output.toFile())
              .start();
      if (process.waitFor() != 0) {
        throw new IllegalStateException(
            "openssl " + String.join(" ", args) + " failed: " + Files.readString(output));
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot run " + OPENSSL, e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while running openssl", e);
    }
  }
}
