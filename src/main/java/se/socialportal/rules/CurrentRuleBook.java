package se.socialportal.rules;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import se.socialportal.platform.config.AppConfig;
import se.socialportal.platform.config.ConfigException;
import se.socialportal.platform.config.Setting;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * The rule book in force now. Each {@link RuleBook} is immutable; a reload reads and validates robots/ exactly as
 * startup does and, only if every file passes, swaps the new book in with one atomic write — a refused reload leaves
 * the old book in force. Readers take {@link #get()} once per piece of work (the robot once per job), so one
 * calculation never mixes two books. Listeners hear of every successful reload (the robot resumes the jobs that
 * waited for rules, the tenant table follows the tenant files).
 */
public final class CurrentRuleBook implements Supplier<RuleBook> {

  private static final Logger LOG = LoggerFactory.getLogger(CurrentRuleBook.class);

  private final AtomicReference<RuleBook> book;
  private final Optional<Path> folder;
  private final Set<String> requiredTenants;
  private final List<Consumer<RuleBook>> listeners = new CopyOnWriteArrayList<>();

  private CurrentRuleBook(RuleBook book, Optional<Path> folder, Set<String> requiredTenants) {
    this.book = new AtomicReference<>(book);
    this.folder = folder;
    this.requiredTenants = Set.copyOf(requiredTenants);
  }

  /**
   * Loads robots/ (ROBOTS_DIR, else ./robots, else the jar's copy) on a worker thread and checks that DEFAULT_TENANT
   * has rules. Fails with {@link RuleBookException} or {@link ConfigException}, whose one-line message Main prints.
   * Only a folder can be reloaded; the jar's copy changes with a new release.
   */
  public static Future<CurrentRuleBook> load(Vertx vertx, AppConfig config) {
    String robotsDir = config.string(Setting.ROBOTS_DIR);
    Set<String> required = Set.of(config.required(Setting.DEFAULT_TENANT));
    return vertx.executeBlocking(() -> {
      try (RuleSource source = RuleSource.configured(robotsDir)) {
        RuleBook loaded = RuleBook.load(source);
        requireTenants(loaded, required);
        LOG.info("Rules loaded from {}: tenants {}", loaded.location(), loaded.tenants());
        return new CurrentRuleBook(loaded, source.folder(), required);
      }
    }, false);
  }

  /** A book that never changes (tests, the bench, tools). */
  public static CurrentRuleBook of(RuleBook book) {
    return new CurrentRuleBook(book, Optional.empty(), Set.of());
  }

  /** Blocking: a robots/ folder that can be reloaded. */
  public static CurrentRuleBook folder(Path robotsDir) {
    return new CurrentRuleBook(RuleBook.load(robotsDir), Optional.of(robotsDir), Set.of());
  }

  @Override
  public RuleBook get() {
    return book.get();
  }

  /** The folder a reload reads; empty when the rules came from the jar. */
  public Optional<Path> folder() {
    return folder;
  }

  /** Called (on the thread that completed the reload) with the new book after every successful reload. */
  public void onReload(Consumer<RuleBook> listener) {
    listeners.add(listener);
  }

  /**
   * Blocking: reads and validates the folder again. Returns the new book, now in force, or throws
   * {@link RuleBookException} / {@link ConfigException} with every problem, the old book still in force. One reload
   * at a time: two triggers at once would otherwise race to swap.
   */
  synchronized RuleBook reloadBlocking() {
    Path dir = folder.orElseThrow(() -> new ConfigException(Setting.ROBOTS_DIR.name(),
      "the rules come from the jar and cannot be reloaded; set ROBOTS_DIR to a folder"));
    RuleBook loaded = RuleBook.load(dir);
    requireTenants(loaded, requiredTenants);
    book.set(loaded);
    return loaded;
  }

  void notifyReloaded(RuleBook loaded) {
    for (Consumer<RuleBook> listener : listeners) {
      try {
        listener.accept(loaded);
      } catch (RuntimeException e) {
        // One listener's failure must not keep the others from hearing of the new rules.
        LOG.error("A listener failed after the rules were reloaded", e);
      }
    }
  }

  private static void requireTenants(RuleBook loaded, Set<String> tenants) {
    for (String tenant : tenants) {
      if (!loaded.hasTenant(tenant)) {
        throw new ConfigException(Setting.DEFAULT_TENANT.name(), "tenant '" + tenant + "' has no rules in "
          + loaded.location() + "/tenants/ (known: " + loaded.tenants() + ")");
      }
    }
  }
}
