package io.releve.portal.enrol;

import io.releve.cloud.store.Database;
import io.releve.cloud.store.StoreSettings;
import io.releve.portal.Poll;
import io.releve.portal.PortalWorld;
import io.releve.portal.store.AccountKind;
import io.releve.portal.store.SiteAddress;
import io.releve.portal.store.SiteCode;
import jakarta.mail.internet.MimeMessage;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A running portal on a real SQLite file with a real SMTP server (GreenMail), and the registry and
 * landlord rows enrolment needs: a site with its address, dwellings, installed devices, readings.
 */
public final class EnrolWorld extends PortalWorld {

  /** 10:00 in Paris on 12 November 2026. */
  public static final Instant START = Instant.parse("2026-11-12T09:00:00Z");

  public static final SiteCode SITE = new SiteCode("LY003");

  private static final Pattern LINK = Pattern.compile("(https?://\\S+/activation\\?token=[\\w-]+)");

  public EnrolWorld(Path folder) throws Exception {
    super(
        folder,
        clock -> Database.open(new StoreSettings.Sqlite(folder.resolve("cloud.db")), clock),
        "portal.mail.from = Relevé <no-reply@releve.test>");
    write(
        c -> {
          landlord.upsertAddress(
              c, new SiteAddress(SITE, "12 rue des Lilas", "69003", "Lyon"), START);
          return null;
        });
  }

  /** A dwelling of {@link #SITE} with a lot and a client reference (null: none). */
  public long dwelling(String label, String lot, String clientRef) {
    return dwelling(SITE, label, lot, clientRef);
  }

  /** A current volume index of the device, received at {@code at}. */
  public void reading(String device, String value, Instant at) {
    reading(device, at, value);
  }

  /** The landlord's record of someone living in the dwelling since {@code moveIn}. */
  public long occupancy(long dwelling, String email, String moveIn) {
    return write(
        c ->
            landlord.upsertOccupancy(
                c, dwelling, "Durand", "Paul", email, LocalDate.parse(moveIn), null, START));
  }

  /** A manager of {@link #SITE}, activated. */
  public long manager(String email) {
    return managerOf(email, SITE, null);
  }

  /** An activated resident with an active residency of the dwelling since {@code moveIn}. */
  public long resident(String email, long dwelling, String moveIn) {
    long id = account(email, AccountKind.RESIDENT, null);
    residency(id, dwelling, moveIn);
    return id;
  }

  /** Waits until {@code count} mails arrived, then returns them all. */
  public List<MimeMessage> mails(int count) {
    Poll.until(
        () -> smtp.getReceivedMessages().length >= count,
        () -> count + " mails, got " + smtp.getReceivedMessages().length);
    return Arrays.asList(smtp.getReceivedMessages());
  }

  /** The activation link of the latest mail to {@code to}. */
  public String activationLink(String to) throws Exception {
    Poll.until(() -> !mailsTo(to).isEmpty(), () -> "a mail to the applicant");
    List<MimeMessage> mine = mailsTo(to);
    String text = com.icegreen.greenmail.util.GreenMailUtil.getBody(mine.get(mine.size() - 1));
    Matcher m = LINK.matcher(text.replace("=\r\n", "").replace("=3D", "="));
    if (!m.find()) {
      throw new AssertionError("no activation link in the mail");
    }
    return m.group(1);
  }

  public List<MimeMessage> mailsTo(String to) {
    return Arrays.stream(smtp.getReceivedMessages())
        .filter(
            message -> {
              try {
                return Arrays.stream(message.getAllRecipients())
                    .anyMatch(a -> a.toString().equalsIgnoreCase(to));
              } catch (jakarta.mail.MessagingException e) {
                throw new IllegalStateException(e);
              }
            })
        .toList();
  }
}
