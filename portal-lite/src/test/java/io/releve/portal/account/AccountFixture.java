package io.releve.portal.account;

import io.releve.cloud.store.StoreSettings.Engine;
import io.releve.portal.PortalTestStores;
import io.releve.portal.PortalWorld;
import io.releve.portal.store.AccountKind;
import io.releve.portal.store.SiteCode;
import java.nio.file.Path;
import java.time.LocalDate;

/**
 * The whole portal over HTTP on a real SQLite store, with a real SMTP server (GreenMail) on the
 * loopback; accounts, dwellings, devices and readings are made directly in the store.
 */
public final class AccountFixture extends PortalWorld {

  public static final SiteCode SITE = new SiteCode("LY003");
  public static final String PASSWORD = "Bonjour-2026!";

  // one hash for every test account: Argon2id takes its time on purpose
  private static volatile String passwordHash;

  public AccountFixture(Path dir) throws Exception {
    super(dir, clock -> PortalTestStores.open(Engine.SQLITE, dir));
  }

  String hash() {
    if (passwordHash == null) {
      passwordHash = portal.passwords().hash(PASSWORD.toCharArray());
    }
    return passwordHash;
  }

  /** An activated resident account with {@link #PASSWORD}. */
  public long resident(String email) {
    return account(email, AccountKind.RESIDENT, hash());
  }

  /** An activated manager of {@link #SITE} with {@link #PASSWORD}. */
  public long manager(String email) {
    return manager(email, SITE);
  }

  /** An activated manager of {@code site} only, with {@link #PASSWORD}. */
  public long manager(String email, SiteCode site) {
    return managerOf(email, site, hash());
  }

  public long dwelling(String label) {
    return dwelling(SITE, label);
  }

  /** A dwelling of {@code site} (the site row is made when missing). */
  public long dwelling(SiteCode site, String label) {
    return dwelling(site, label, "lot-" + label, null);
  }

  /** An active occupant residency from {@code moveIn}. */
  public long lives(long account, long dwelling, String moveIn) {
    return residency(account, dwelling, moveIn);
  }

  /** An occupant who lived in {@code dwelling} from {@code moveIn} to {@code moveOut}. */
  public long lived(long account, long dwelling, String moveIn, String moveOut) {
    long id = lives(account, dwelling, moveIn);
    write(c -> residencies.end(c, id, LocalDate.parse(moveOut)));
    return id;
  }

  /** An installed water meter in the dwelling, its printed serial the digits of its key. */
  public void device(long dwelling, String device) {
    device(dwelling, device, device.replaceAll("[^0-9]", ""));
  }
}
