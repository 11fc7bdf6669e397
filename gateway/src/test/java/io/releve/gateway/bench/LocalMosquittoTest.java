package io.releve.gateway.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class LocalMosquittoTest {

  @Test
  void configText_listensOnLoopbackOnlyLetsAnonymousClientsInAndRunsAsTheGivenUser() {
    String text = LocalMosquitto.configText(41234, "pi", Path.of("/tmp/x/mosquitto.log"));

    assertEquals(
        "# releve bench drain: a broker of its own, removed with the benchmark's folder\n"
            + "listener 41234 127.0.0.1\n"
            + "allow_anonymous true\n"
            + "persistence false\n"
            + "max_queued_messages 100000\n"
            + "user pi\n"
            + "log_dest file /tmp/x/mosquitto.log\n",
        text);
  }
}
