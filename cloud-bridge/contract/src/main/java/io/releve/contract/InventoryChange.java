package io.releve.contract;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.regex.Pattern;

/**
 * One change of the building's inventory, as the installer made it with {@code releve meters}.
 *
 * @param seq the outbox sequence number, 1 or more
 * @param action {@code installed}: the device is now installed as described (this replaces where it
 *     was before); {@code removed}: it is installed nowhere any more
 * @param device the device's identity key ({@code SEN-12345601-68-16})
 * @param medium what it measures as installed ({@code cold_water}); required when installed
 * @param site the site code, two letters and three digits ({@code RL042}); required when installed
 * @param dwelling the dwelling's label ({@code A01}); required when installed
 * @param lot the dwelling's lot number, or null
 * @param printedSerial the serial on the device's label, upper case, letters and digits ({@code
 *     H8CA029620}), or null
 * @param room for a heat cost allocator, the room of its radiator ({@code Séjour}), or null
 */
public record InventoryChange(
    @JsonProperty(required = true) long seq,
    Action action,
    String device,
    String medium,
    String site,
    String dwelling,
    String lot,
    String printedSerial,
    String room)
    implements Sequenced {

  /** As the gateway's labels: long enough for "Bâtiment B, 3e étage gauche". */
  static final int MAX_LABEL_LENGTH = 64;

  private static final Pattern SITE = Pattern.compile("[A-Z]{2}[0-9]{3}");

  private static final Pattern PRINTED_SERIAL = Pattern.compile("[A-Z0-9]{1,32}");

  /** What happened to the device. */
  public enum Action {
    INSTALLED,
    REMOVED;

    @JsonValue
    public String wireName() {
      return Wire.name(this);
    }

    /**
     * @throws ContractException when {@code name} is not one of the actions
     */
    @JsonCreator
    public static Action fromWireName(String name) {
      return Wire.parse("Action", name, values());
    }
  }

  /**
   * Checks every field.
   *
   * @throws ContractException naming the first bad field and its value
   */
  public InventoryChange {
    Check.seq("seq", seq);
    Check.present("action", action);
    Check.deviceKey("device", device);
    if (action == Action.INSTALLED || medium != null) {
      Check.word("medium", medium);
    }
    if (action == Action.INSTALLED || site != null) {
      Check.matches("site", site, SITE, "two upper-case letters and three digits, such as RL042");
    }
    if (action == Action.INSTALLED || dwelling != null) {
      Check.text("dwelling", dwelling, MAX_LABEL_LENGTH);
    }
    Check.optionalText("lot", lot, MAX_LABEL_LENGTH);
    if (printedSerial != null) {
      Check.matches(
          "printed_serial",
          printedSerial,
          PRINTED_SERIAL,
          "1 to 32 upper-case letters or digits, such as H8CA029620");
    }
    Check.optionalText("room", room, MAX_LABEL_LENGTH);
  }
}
