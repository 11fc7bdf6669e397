package io.releve.contract;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class TopicsTest {

  private static final GatewayId GATEWAY = GatewayId.of("rl042-gw1");

  @Test
  void theTopicsOfAGatewayAreUnderReleveV1AndItsId() {
    assertEquals("releve/v1", Topics.ROOT);
    assertEquals("releve/v1/rl042-gw1/status", Topics.status(GATEWAY));
    assertEquals("releve/v1/rl042-gw1/up/readings", Topics.upReadings(GATEWAY));
    assertEquals("releve/v1/rl042-gw1/up/events", Topics.upEvents(GATEWAY));
    assertEquals("releve/v1/rl042-gw1/up/inventory", Topics.upInventory(GATEWAY));
    assertEquals("releve/v1/rl042-gw1/down/ack", Topics.downAck(GATEWAY));
    assertEquals(
        "releve/v1/rl042-gw1/cmd/log-tail/req/7f3e9c1a",
        Topics.commandRequest(GATEWAY, Command.LOG_TAIL, "7f3e9c1a"));
    assertEquals(
        "releve/v1/rl042-gw1/cmd/log-tail/res/7f3e9c1a",
        Topics.commandResponse(GATEWAY, Command.LOG_TAIL, "7f3e9c1a"));
  }

  @Test
  void theFiltersCoverEveryGatewayAndTheBridgeSharesTheUpOnes() {
    assertEquals("releve/v1/+/up/#", Topics.UP_ALL);
    assertEquals("releve/v1/+/status", Topics.STATUS_ALL);
    assertEquals("releve/v1/rl042-gw1/cmd/+/req/+", Topics.commandRequests(GATEWAY));
    assertEquals("$share/bridge/releve/v1/+/up/#", Topics.sharedUp("bridge"));
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "a/b | Share group [a/b] must not contain /, + or #, found [/] at index 1.",
        "b+ | Share group [b+] must not contain /, + or #, found [+] at index 1.",
        "'' | Share group [] must not be empty.",
      })
  void aBadShareGroupIsRefused(String group, String message) {
    ContractException e = assertThrows(ContractException.class, () -> Topics.sharedUp(group));

    assertEquals(message, e.getMessage());
  }

  @Test
  void everyTopicReadsBackIntoItsParts() {
    assertEquals(
        new TopicName(GATEWAY, TopicName.Kind.STATUS, null, null),
        TopicName.parse(Topics.status(GATEWAY)));
    assertEquals(TopicName.Kind.UP_READINGS, TopicName.parse(Topics.upReadings(GATEWAY)).kind());
    assertEquals(TopicName.Kind.UP_EVENTS, TopicName.parse(Topics.upEvents(GATEWAY)).kind());
    assertEquals(TopicName.Kind.UP_INVENTORY, TopicName.parse(Topics.upInventory(GATEWAY)).kind());
    assertEquals(TopicName.Kind.DOWN_ACK, TopicName.parse(Topics.downAck(GATEWAY)).kind());

    TopicName request = TopicName.parse(Topics.commandRequest(GATEWAY, Command.READ, "r-1_A"));
    assertEquals(GATEWAY, request.gateway());
    assertEquals(TopicName.Kind.COMMAND_REQUEST, request.kind());
    assertEquals(Command.READ, request.command());
    assertEquals("r-1_A", request.commandId());
    assertEquals(
        Topics.commandResponse(GATEWAY, Command.READ, "r-1_A"), request.response().topic());
  }

  @Test
  void aTopicWithoutACommandHasNoCommandParts() {
    TopicName status = TopicName.parse("releve/v1/rl042-gw1/status");

    assertNull(status.command());
    assertNull(status.commandId());
    assertEquals(Status.class, status.kind().payload());
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "releve/v1/+/status | Topic [releve/v1/+/status] must not contain wildcards (+, #), found"
            + " [+] at index 10.",
        "releve/v1/rl042-gw1/up/# | Topic [releve/v1/rl042-gw1/up/#] must not contain wildcards"
            + " (+, #), found [#] at index 23.",
        "releve/v2/rl042-gw1/status | Topic [releve/v2/rl042-gw1/status] must start with"
            + " [releve/v1/].",
        "/releve/v1/rl042-gw1/status | Topic [/releve/v1/rl042-gw1/status] must start with"
            + " [releve/v1/].",
        "releve/v1/rl042-gw1 | Topic [releve/v1/rl042-gw1] must name a gateway and then a topic of"
            + " it, such as [releve/v1/rl042-gw1/status].",
        "releve/v1/RL042/status | Topic [releve/v1/RL042/status]: Gateway id [RL042] must start"
            + " with a lower-case letter or a digit, found [R] at index 0.",
        "releve/v1//status | Topic [releve/v1//status]: Gateway id [] must have 1 to 63"
            + " characters, found 0.",
        "releve/v1/rl042-gw1/up/frames | Topic [releve/v1/rl042-gw1/up/frames] must end, after the"
            + " gateway id, with status, up/readings, up/events, up/inventory, down/ack,"
            + " cmd/{name}/req/{id} or cmd/{name}/res/{id}, found [up/frames].",
        "releve/v1/rl042-gw1/status/ | Topic [releve/v1/rl042-gw1/status/] must end, after the"
            + " gateway id, with status, up/readings, up/events, up/inventory, down/ack,"
            + " cmd/{name}/req/{id} or cmd/{name}/res/{id}, found [status/].",
        "releve/v1/rl042-gw1/cmd/shell/req/1 | Topic [releve/v1/rl042-gw1/cmd/shell/req/1]:"
            + " Command [shell] must be one of [ping, status, read, scan, log-tail, queue,"
            + " config-get].",
        "releve/v1/rl042-gw1/cmd/ping/ask/1 | Topic [releve/v1/rl042-gw1/cmd/ping/ask/1] must end,"
            + " after the gateway id, with status, up/readings, up/events, up/inventory, down/ack,"
            + " cmd/{name}/req/{id} or cmd/{name}/res/{id}, found [cmd/ping/ask/1].",
        "releve/v1/rl042-gw1/cmd/ping/req/ | Topic [releve/v1/rl042-gw1/cmd/ping/req/]: Command id"
            + " [] must have 1 to 64 characters, found 0.",
        "releve/v1/rl042-gw1/cmd/ping/req/a.b | Topic [releve/v1/rl042-gw1/cmd/ping/req/a.b]:"
            + " Command id [a.b] must contain only letters, digits, hyphens and underscores, found"
            + " [.] at index 1.",
      })
  void aTopicOutsideTheContractIsRefusedSayingWhy(String topic, String message) {
    ContractException e = assertThrows(ContractException.class, () -> TopicName.parse(topic));

    assertEquals(message, e.getMessage());
  }

  @Test
  void aCommandOutsideTheAllowListHasNoTopic() {
    ContractException e =
        assertThrows(ContractException.class, () -> Command.fromWireName("reboot"));

    assertEquals(
        "Command [reboot] must be one of [ping, status, read, scan, log-tail, queue, config-get].",
        e.getMessage());
  }

  @Test
  void aBadCorrelationIdMakesNoTopic() {
    ContractException e =
        assertThrows(
            ContractException.class, () -> Topics.commandRequest(GATEWAY, Command.PING, "a/b"));

    assertEquals(
        "Command id [a/b] must contain only letters, digits, hyphens and underscores, found [/] at"
            + " index 1.",
        e.getMessage());
  }

  @Property
  void everyCommandTopicReadsBackAsItWasMade(
      @ForAll("gatewayIds") String gateway,
      @ForAll Command command,
      @ForAll("commandIds") String id,
      @ForAll boolean request) {
    GatewayId gatewayId = GatewayId.of(gateway);
    String topic =
        request
            ? Topics.commandRequest(gatewayId, command, id)
            : Topics.commandResponse(gatewayId, command, id);

    TopicName name = TopicName.parse(topic);

    assertEquals(gatewayId, name.gateway());
    assertEquals(command, name.command());
    assertEquals(id, name.commandId());
    assertEquals(topic, name.topic());
  }

  @Provide
  Arbitrary<String> gatewayIds() {
    return Arbitraries.strings()
        .withChars("abcz09")
        .ofLength(1)
        .flatMap(
            first ->
                Arbitraries.strings()
                    .withChars("abcz09-")
                    .ofMaxLength(62)
                    .map(rest -> first + rest));
  }

  @Provide
  Arbitrary<String> commandIds() {
    return Arbitraries.strings().withChars("aZ09-_").ofMinLength(1).ofMaxLength(64);
  }
}
