package io.releve.gateway.radio;

import java.io.FileInputStream;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Path;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Function;

/**
 * A scripted stick on the far end of a pseudo-terminal: it frames our requests with the real
 * parser, records them as hex, and answers each with what {@code answers} gives, while {@link
 * #answering}. It can also send any bytes: indications, garbage.
 */
final class FakeStick implements AutoCloseable {
  private static final HexFormat HEX = HexFormat.of().withUpperCase();

  final List<String> requests = new CopyOnWriteArrayList<>();
  volatile boolean answering = true;
  private final InputStream in;
  private final OutputStream out;
  private final Thread thread;

  /**
   * @param answers from a request's key and payload to the bytes to answer, or {@code null}
   * @param encode from a request's key and payload back to its bytes, for {@link #requests}
   */
  FakeStick(
      Path side,
      StickProtocol.StickParser parser,
      Function<Request, byte[]> answers,
      Function<Request, byte[]> encode)
      throws IOException {
    String device = side.toRealPath().toString();
    this.in = new FileInputStream(device);
    this.out = new FileOutputStream(device);
    StickProtocol.StickSink sink =
        new StickProtocol.StickSink() {
          @Override
          public void telegram(byte[] telegram, Optional<Integer> rssiDbm) {}

          @Override
          public void answer(int key, byte[] payload) {
            Request r = new Request(key, payload);
            requests.add(HEX.formatHex(encode.apply(r)));
            byte[] answer = answers.apply(r);
            if (answering && answer != null) {
              send(answer);
            }
          }

          @Override
          public void garbage(int bytes) {}
        };
    thread =
        new Thread(
            () -> {
              byte[] buffer = new byte[256];
              try {
                int n;
                while ((n = in.read(buffer)) > 0) {
                  parser.feed(buffer, n, sink);
                }
              } catch (IOException e) {
                // socat went away: this fake ends with it
              }
            },
            "fake-stick");
    thread.setDaemon(true);
    thread.start();
  }

  record Request(int key, byte[] payload) {}

  synchronized void send(byte[] bytes) {
    try {
      out.write(bytes);
      out.flush();
    } catch (IOException e) {
      throw new IllegalStateException("the fake stick cannot write", e);
    }
  }

  @Override
  public void close() throws IOException {
    out.close();
    in.close();
  }
}
