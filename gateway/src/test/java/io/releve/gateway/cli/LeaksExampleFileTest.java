package io.releve.gateway.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** The example file of the README's leak detection section, and the output the README shows. */
class LeaksExampleFileTest {

  private static final Path EXAMPLE =
      Path.of("..", "config", "example-building", "leaks-example.csv");

  @Test
  void analyze_exampleBuildingFile_findsTheDrippingTapOfTheSecondMeterOnly() {
    // H8CA029622's tap starts dripping 5 L/h at 13:30 local time (+01:00) on 11 March: the hour
    // from 13:00 holds 2.5 L, so the leak is dated from its end, 14:00 local (13:00Z); a day
    // later every hour has held 5 L or more, and by the last reading, 58 h after the onset, it
    // has lost 58 × 5 L. The household's own use is not counted.
    assertEquals(
        new CliRun(
            0,
            """
            [
              {
                "meter": "H8CA029622",
                "type": "leak",
                "level": 1,
                "start": "2025-03-11T13:00:00Z",
                "detected_at": "2025-03-12T13:00:00Z",
                "end": null,
                "average_flow_lph": 5.00,
                "total_loss_m3": 0.290,
                "source": "flow"
              }
            ]
            """,
            ""),
        CliRun.of("leaks", "analyze", EXAMPLE.toString()));
  }
}
