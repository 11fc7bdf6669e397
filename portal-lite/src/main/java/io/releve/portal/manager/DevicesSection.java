package io.releve.portal.manager;

import io.releve.portal.web.Html;
import io.releve.portal.web.Lang;
import io.releve.portal.web.Messages;
import java.time.ZoneId;
import java.util.List;

/**
 * A dwelling's devices on the manager's page: printed serial, fluid, the radiator's room for an
 * allocator, installed or removed, and when the last reading was received — never an index, which
 * is daily data. Pure: the devices come in, markup goes out.
 */
final class DevicesSection {

  private DevicesSection() {}

  static Html of(Messages messages, List<DwellingDevices.Device> devices, ZoneId zone) {
    Lang lang = messages.lang();
    if (devices.isEmpty()) {
      return Html.of(
          "<section class=\"card\" id=\"devices\"><h2>{}</h2><p>{}</p></section>",
          messages.get("manager.devices.title"),
          messages.get("manager.none"));
    }
    List<Html> rows = Html.list();
    for (DwellingDevices.Device device : devices) {
      rows.add(
          Html.of(
              "<tr{}><td>{}</td><td>{}</td><td>{}</td><td>{}</td><td>{}</td></tr>",
              device.installed() ? Html.EMPTY : Html.of(" class=\"device-removed\""),
              device.printedSerial() == null ? device.device() : device.printedSerial(),
              Show.medium(device.medium(), messages),
              device.room() == null ? "—" : device.room(),
              messages.get(
                  device.installed() ? "manager.device.installed" : "manager.device.removed",
                  Show.date(device.changedAt(), zone, lang)),
              device.lastReading() == null
                  ? messages.get("manager.device.never")
                  : Show.dateTime(device.lastReading(), zone, lang)));
    }
    return Html.of(
        "<section class=\"card\" id=\"devices\"><h2>{}</h2><div class=\"table-wrap\"><table>"
            + "<thead><tr><th>{}</th><th>{}</th><th>{}</th><th>{}</th><th>{}</th></tr></thead>"
            + "<tbody>{}</tbody></table></div></section>",
        messages.get("manager.devices.title"),
        messages.get("manager.device.serial"),
        messages.get("manager.device.medium"),
        messages.get("manager.device.room"),
        messages.get("manager.device.state"),
        messages.get("manager.device.last"),
        Html.join(rows));
  }
}
