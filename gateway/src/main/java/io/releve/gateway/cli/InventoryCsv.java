package io.releve.gateway.cli;

import io.releve.gateway.csv.Csv;
import io.releve.gateway.csv.CsvException;
import io.releve.gateway.csv.CsvRecord;
import io.releve.gateway.device.DeviceIdentity;
import io.releve.gateway.device.Medium;
import io.releve.gateway.device.PrintedSerial;
import io.releve.gateway.store.Dwelling;
import io.releve.gateway.store.InstalledDevice;
import io.releve.gateway.store.SiteCode;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * The installation file: one installed device per line, under the header {@link #HEADER}. Version
 * and type are decimal. Empty lot, room, medium and printed serial mean "none" (medium then comes
 * from the device type).
 */
final class InventoryCsv {

  static final List<String> HEADER =
      List.of(
          "site_code",
          "dwelling",
          "lot",
          "room",
          "medium",
          "printed_serial",
          "manufacturer",
          "id",
          "version",
          "type");

  /**
   * What a file held: the devices with the line each came from, or the problems, each as {@code
   * FILE:LINE: column [name] has value [x]: problem}.
   */
  record Parsed(List<InstalledDevice> devices, List<Integer> lines, List<String> errors) {}

  private InventoryCsv() {}

  static String write(List<InstalledDevice> devices) {
    StringBuilder text = new StringBuilder(Csv.line(HEADER)).append('\n');
    for (InstalledDevice device : devices) {
      text.append(Csv.line(row(device))).append('\n');
    }
    return text.toString();
  }

  static List<String> row(InstalledDevice device) {
    DeviceIdentity identity = device.identity();
    return List.of(
        device.site().value(),
        device.dwelling().label(),
        orEmpty(device.lot()),
        orEmpty(device.room()),
        device.medium().label(),
        device.printedSerial() == null ? "" : device.printedSerial().value(),
        identity.manufacturer(),
        identity.id(),
        String.valueOf(identity.version()),
        String.valueOf(identity.type()));
  }

  static Parsed parse(String text, String file) {
    List<CsvRecord> records;
    try {
      records = Csv.parse(text);
    } catch (CsvException e) {
      return new Parsed(List.of(), List.of(), List.of(file + ":" + e.getMessage()));
    }
    if (records.isEmpty() || !records.get(0).fields().equals(HEADER)) {
      int line = records.isEmpty() ? 1 : records.get(0).line();
      return new Parsed(
          List.of(),
          List.of(),
          List.of(file + ":" + line + ": the header must be exactly " + String.join(",", HEADER)));
    }
    List<InstalledDevice> devices = new ArrayList<>();
    List<Integer> lines = new ArrayList<>();
    List<String> errors = new ArrayList<>();
    Map<DeviceIdentity, Integer> identities = new HashMap<>();
    Map<PrintedSerial, Integer> serials = new HashMap<>();
    for (CsvRecord record : records.subList(1, records.size())) {
      Row row = new Row(file, record, errors);
      InstalledDevice device = row.device();
      if (device == null) {
        continue;
      }
      Integer earlier = identities.putIfAbsent(device.identity(), record.line());
      if (earlier != null) {
        row.error(
            "id",
            device.identity().id(),
            "meter [" + device.identity() + "] is also on line " + earlier);
        continue;
      }
      if (device.printedSerial() != null) {
        Integer serialEarlier = serials.putIfAbsent(device.printedSerial(), record.line());
        if (serialEarlier != null) {
          row.error(
              "printed_serial",
              row.field("printed_serial"),
              "printed serial [" + device.printedSerial() + "] is also on line " + serialEarlier);
          continue;
        }
      }
      devices.add(device);
      lines.add(record.line());
    }
    return new Parsed(devices, lines, errors);
  }

  /** "FILE:LINE: column [name] has value [x]: problem". */
  static String error(String file, int line, String column, String value, String problem) {
    return file + ":" + line + ": column [" + column + "] has value [" + value + "]: " + problem;
  }

  /**
   * The problem part of a value object's message. Those messages follow the house style {@code
   * Thing [value] problem}, so the problem is what follows the first "] ".
   */
  static String problem(IllegalArgumentException e) {
    String message = e.getMessage();
    int end = message.indexOf("] ");
    return end < 0 ? message : message.substring(end + 2);
  }

  private static String orEmpty(String text) {
    return text == null ? "" : text;
  }

  /** One line being read: collects its errors rather than stopping at the first. */
  private static final class Row {
    private final String file;
    private final CsvRecord record;
    private final List<String> errors;
    private final int errorsBefore;

    Row(String file, CsvRecord record, List<String> errors) {
      this.file = file;
      this.record = record;
      this.errors = errors;
      this.errorsBefore = errors.size();
    }

    String field(String column) {
      return record.fields().get(HEADER.indexOf(column));
    }

    void error(String column, String value, String problem) {
      errors.add(InventoryCsv.error(file, record.line(), column, value, problem));
    }

    /** The device on this line, or null after recording why not. */
    InstalledDevice device() {
      if (record.fields().size() != HEADER.size()) {
        errors.add(
            file
                + ":"
                + record.line()
                + ": expected "
                + HEADER.size()
                + " columns, found "
                + record.fields().size());
        return null;
      }
      SiteCode site = check("site_code", SiteCode::of);
      String manufacturer =
          check("manufacturer", text -> new DeviceIdentity(text, "00000000", 0, 0).manufacturer());
      String id = check("id", text -> new DeviceIdentity("AAA", text, 0, 0).id());
      Integer version = checkByte("version");
      Integer type = checkByte("type");
      String mediumText = field("medium");
      Medium medium =
          mediumText.isBlank()
              ? (type == null ? null : Medium.fromCode(type))
              : check("medium", Medium::fromLabel);
      String serialText = field("printed_serial");
      PrintedSerial serial =
          serialText.isBlank() ? null : check("printed_serial", PrintedSerial::of);
      String dwellingLabel =
          check("dwelling", text -> new Dwelling(SiteCode.of("AA000"), text, null).label());
      String lot = check("lot", text -> new Dwelling(SiteCode.of("AA000"), "x", text).lot());
      String room = field("room");
      if (errors.size() > errorsBefore) {
        return null;
      }
      try {
        return new InstalledDevice(
            new DeviceIdentity(manufacturer, id, version, type),
            medium,
            serial,
            new Dwelling(site, dwellingLabel, lot),
            room);
      } catch (IllegalArgumentException e) {
        // Every other column was checked above; only the room is left to fail.
        error("room", room, problem(e));
        return null;
      }
    }

    private <T> T check(String column, Function<String, T> parse) {
      String value = field(column);
      try {
        return parse.apply(value);
      } catch (IllegalArgumentException e) {
        error(column, value, problem(e));
        return null;
      }
    }

    private Integer checkByte(String column) {
      String value = field(column);
      try {
        int number = Integer.parseInt(value.strip());
        if (number >= 0 && number <= 0xFF) {
          return number;
        }
      } catch (NumberFormatException e) {
        // reported below, like a number out of range
      }
      error(column, value, "must be a decimal number from 0 to 255");
      return null;
    }
  }
}
