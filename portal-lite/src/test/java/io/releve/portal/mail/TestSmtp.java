package io.releve.portal.mail;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import io.releve.cloud.config.Secret;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.time.Clock;

/** A real SMTP server (GreenMail) on the loopback interface, and mailers that reach it. */
final class TestSmtp {

  static final String FROM = "Relevé <no-reply@releve.test>";

  private TestSmtp() {}

  /** A started server on a free loopback port. */
  static GreenMail start() {
    return start(0);
  }

  /** A started server on {@code port}, or a free one when 0. */
  static GreenMail start(int port) {
    ServerSetup setup = new ServerSetup(port, "127.0.0.1", ServerSetup.PROTOCOL_SMTP);
    GreenMail server = new GreenMail(port == 0 ? setup.dynamicPort() : setup);
    server.start();
    return server;
  }

  /** A port nothing listens on now. */
  static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      return socket.getLocalPort();
    }
  }

  static SmtpMailer mailer(int port, boolean starttls, String user, String password) {
    return new SmtpMailer(
        new MailSettings.Smtp(
            "127.0.0.1",
            port,
            starttls,
            user,
            password == null ? null : new Secret(password),
            FROM),
        Clock.systemUTC());
  }
}
