package io.releve.gateway.uplink;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.releve.contract.GatewayId;
import io.releve.contract.Golden;
import io.releve.contract.Json;
import io.releve.contract.TopicName;
import io.releve.contract.Topics;
import io.releve.gateway.config.GatewayConfig;
import java.io.IOException;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The gateway side of the MQTT contract's golden files: the gateway reads every one through the
 * contract module on its own classpath, with the Jackson version it runs with. That the outbox's
 * own rows give the same files is {@link OutboxGoldenTest}'s part.
 */
class ContractGoldenTest {

  private static final ObjectMapper PLAIN = new ObjectMapper();

  @ParameterizedTest
  @EnumSource(Golden.class)
  void theGatewayReadsEveryGoldenFileThroughTheContract(Golden golden) throws IOException {
    Object message = Json.read(Golden.bytes(golden.file()), golden.type());

    assertInstanceOf(golden.type(), message);
    assertEquals(PLAIN.readTree(golden.bytes()), PLAIN.readTree(Json.write(message)));
  }

  @Test
  void theShippedConfigurationsGatewayIdMakesTopicsOfTheContract() throws Exception {
    GatewayConfig config = GatewayConfig.load(Path.of("..", "config", "releve.conf"));
    GatewayId gateway = GatewayId.of(config.gatewayId());

    TopicName status = TopicName.parse(Topics.status(gateway));

    assertEquals(gateway, status.gateway());
    assertEquals(TopicName.Kind.STATUS, status.kind());
  }
}
