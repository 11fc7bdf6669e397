package io.releve.portal.web;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.time.Clock;
import java.util.EnumMap;
import java.util.Map;

/**
 * The portal's web application with its defaults: a {@link Router} for features to fill, the {@link
 * Sessions}, the {@link RateLimits}, the {@link Layout} and the {@link Messages} of every language
 * (all bundles read, and checked, when it is built). Register routes, then {@link #start}:
 *
 * <pre>{@code
 * WebApp app = new WebApp(clock);
 * app.router().get("/compte", account::show).post("/compte/coordonnees", account::savePhone);
 * try (PortalServer server = app.start(new InetSocketAddress("127.0.0.1", 8080))) { ... }
 * }</pre>
 */
public final class WebApp {
  private final Clock clock;
  private final Router router = new Router();
  private final Sessions sessions;
  private final RateLimits rateLimits;
  private final Layout layout = new Layout();
  private final StaticAssets assets = new StaticAssets();
  private final Map<Lang, Messages> messages = new EnumMap<>(Lang.class);

  /**
   * An application on {@code clock} (session timeouts and rate limits follow it).
   *
   * @throws IllegalStateException when a message bundle is inconsistent
   */
  public WebApp(Clock clock) {
    this.clock = clock;
    this.sessions = new Sessions(clock);
    this.rateLimits = new RateLimits(clock);
    for (Lang lang : Lang.values()) {
      messages.put(lang, Messages.load(lang));
    }
  }

  /** Starts serving on {@code address} (port 0: any free port, see {@link PortalServer#uri}). */
  public PortalServer start(InetSocketAddress address) throws IOException {
    return PortalServer.start(address, new Dispatcher(this));
  }

  /** The routes; fill it before {@link #start}. */
  public Router router() {
    return router;
  }

  public Sessions sessions() {
    return sessions;
  }

  public RateLimits rateLimits() {
    return rateLimits;
  }

  /** The page frame, where features plug in the navigation and the alert banner. */
  public Layout layout() {
    return layout;
  }

  /** The texts of {@code lang}. */
  public Messages messages(Lang lang) {
    return messages.get(lang);
  }

  public Clock clock() {
    return clock;
  }

  StaticAssets assets() {
    return assets;
  }
}
