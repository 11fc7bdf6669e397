package io.releve.gateway.cli;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.releve.common.cli.CliException;
import io.releve.gateway.leak.GuardEvent;
import io.releve.gateway.leak.GuardType;
import io.releve.gateway.leak.IndexSample;
import io.releve.gateway.leak.LeakAlert;
import io.releve.gateway.leak.LeakAnalysis;
import io.releve.gateway.leak.LeakDetector;
import java.io.PrintWriter;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code releve leaks analyze FILE|-}: runs the leak detector over a file of index readings,
 * offline, and prints the alerts as one JSON array. What the guards noticed goes to stderr as
 * notes.
 */
@Command(
    name = "analyze",
    mixinStandardHelpOptions = true,
    description = {
      "Find leaks in a CSV file of water meters' index readings (UTF-8).",
      "Header: meter,timestamp,index_m3 or meter,timestamp,index_m3,estimated. One reading per"
          + " line; meters may be interleaved and lines in any order. timestamp: ISO-8601 with an"
          + " offset or Z. index_m3: the index in m³ with all the meter's digits, trailing zeros"
          + " included (12.340 is read to the litre, 12.34 to 10 L). estimated: true or false; an"
          + " estimated reading is never used.",
      "Prints one JSON array (2-space indent) of alerts by meter then start, each with meter,"
          + " type (leak), level (1 to 3), start, detected_at, end (null while active),"
          + " average_flow_lph, total_loss_m3 and source (flow); times are UTC.",
      "What the detector notices on the way (rollover, replacement, backward flow, a meter too"
          + " coarse for leaks...) goes to stderr, one note per line: notes, not errors."
    },
    exitCodeListHeading = "%nExit codes:%n",
    exitCodeList = {
      "0:analysed (with or without alerts and notes)",
      "64:wrong options or arguments",
      "65:bad lines in the file, each named on stderr; nothing analysed",
      "66:the file does not exist",
      "74:the file or standard input could not be read"
    })
final class LeaksAnalyzeCommand implements Callable<Integer> {

  @Spec CommandSpec spec;

  @Option(
      names = "--now",
      paramLabel = "TIME",
      description =
          "The time of the analysis (ISO date or date-time, UTC unless an offset is given);"
              + " readings after it are left out, with one note per meter. Default: the latest"
              + " timestamp in the file, so that old data is not judged against today's clock.")
  String now;

  @Parameters(paramLabel = "FILE|-", description = "The CSV file, or - for standard input.")
  String source;

  @Override
  public Integer call() throws Exception {
    Instant at = now == null ? null : timeOfAnalysis();
    String name = InputText.STDIN.equals(source) ? "<stdin>" : source;
    IndexCsv.Parsed parsed = IndexCsv.parse(InputText.read(source, name), name);
    PrintWriter err = spec.commandLine().getErr();
    if (!parsed.errors().isEmpty()) {
      parsed.errors().forEach(err::println);
      err.flush();
      int n = parsed.errors().size();
      throw new CliException(
          ExitCodes.DATA_ERROR,
          "nothing analysed: " + n + (n == 1 ? " problem" : " problems") + " in " + name);
    }
    Instant time = at != null ? at : parsed.latest();
    ArrayNode alerts = JsonLines.array();
    for (Map.Entry<String, List<IndexSample>> meter : parsed.meters().entrySet()) {
      LeakAnalysis analysis = LeakDetector.analyze(meter.getValue(), time);
      // The detector lists closed alerts by start, then the active one: already in start order.
      for (LeakAlert alert : analysis.alerts()) {
        alerts.add(json(meter.getKey(), alert));
      }
      notes(meter.getKey(), analysis.events(), time).forEach(err::println);
    }
    err.flush();
    PrintWriter out = spec.commandLine().getOut();
    out.println(JsonLines.indented(alerts));
    out.flush();
    return ExitCodes.OK;
  }

  private Instant timeOfAnalysis() {
    try {
      return TimeArgument.start(now);
    } catch (IllegalArgumentException e) {
      throw new ParameterException(
          spec.commandLine(), "Invalid value for --now: " + e.getMessage(), e);
    }
  }

  private static ObjectNode json(String meter, LeakAlert alert) {
    ObjectNode node = JsonLines.object();
    node.put("meter", meter);
    node.put("type", "leak");
    node.put("level", alert.level().number());
    node.put("start", alert.start().toString());
    node.put("detected_at", alert.detectedAt().toString());
    if (alert.active()) {
      node.putNull("end");
    } else {
      node.put("end", alert.end().toString());
    }
    node.put("average_flow_lph", alert.averageFlowLph());
    node.put("total_loss_m3", alert.totalLossM3());
    node.put("source", "flow");
    return node;
  }

  /**
   * One line per guard event, {@code meter M: rollover at T (detail)}; the readings after the time
   * of the analysis make one line per meter, since a {@code --now} in the middle of a file would
   * otherwise print a line for every reading it leaves out.
   */
  private static List<String> notes(String meter, List<GuardEvent> events, Instant time) {
    List<String> notes = new ArrayList<>();
    List<Instant> later = new ArrayList<>();
    for (GuardEvent event : events) {
      if (event.type() == GuardType.FUTURE) {
        later.add(event.time());
      } else {
        notes.add(
            "meter "
                + meter
                + ": "
                + event.type().label().replace('_', ' ')
                + " at "
                + event.time()
                + " ("
                + event.detail()
                + ")");
      }
    }
    if (!later.isEmpty()) {
      notes.add(
          "meter "
              + meter
              + ": "
              + (later.size() == 1 ? "1 reading" : later.size() + " readings")
              + " after "
              + time
              + " left out ("
              + (later.size() == 1
                  ? "at " + later.get(0)
                  : "from " + later.get(0) + " to " + later.get(later.size() - 1))
              + ")");
    }
    return notes;
  }
}
