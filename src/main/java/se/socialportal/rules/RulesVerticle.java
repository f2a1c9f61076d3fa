package se.socialportal.rules;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.MultiGauge;
import io.micrometer.core.instrument.Tags;
import io.vertx.core.Future;
import io.vertx.core.VerticleBase;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;

/**
 * Keeps the rule book current: every ROBOTS_RELOAD_SECONDS it hashes robots/ (on a worker) and reloads when a file
 * changed; every hour, and after each reload, it checks which rules will soon be missing ({@link RuleGaps}), logs
 * each with the file to add — once a day, or when the list changes — and publishes them as the gauge
 * {@code socialportal_rules_missing}.
 */
public final class RulesVerticle extends VerticleBase {

  private static final Logger LOG = LoggerFactory.getLogger(RulesVerticle.class);
  private static final ZoneId SWEDEN = ZoneId.of("Europe/Stockholm");
  private static final Duration GAP_CHECK = Duration.ofHours(1);

  private final RuleBookReloads reloads;
  private final Clock clock;
  private final Duration watchEvery;
  private final MultiGauge missingGauge;
  private String fingerprint;
  private boolean checking;
  private List<RuleGap> reported = List.of();
  private LocalDate reportedOn;

  /** @param watchEvery how often robots/ is checked for changes; zero = only an admin's reload */
  public RulesVerticle(RuleBookReloads reloads, Clock clock, Duration watchEvery, MeterRegistry registry) {
    this.reloads = reloads;
    this.clock = clock;
    this.watchEvery = watchEvery;
    this.missingGauge = MultiGauge.builder("socialportal.rules.missing")
      .description("1 for each kind of rule (per tenant) that a month residents can apply for, or next January from "
        + "October, has no file for")
      .register(registry);
  }

  @Override
  public Future<?> start() {
    reloads.current().onReload(book -> context.runOnContext(v -> reportGaps()));
    vertx.setPeriodic(GAP_CHECK.toMillis(), id -> reportGaps());
    reportGaps();
    Optional<Path> folder = reloads.current().folder();
    if (folder.isEmpty() || watchEvery.isZero()) {
      return Future.succeededFuture();
    }
    return vertx.executeBlocking(() -> FolderFingerprint.of(folder.get()), false).onSuccess(first -> {
      fingerprint = first;
      vertx.setPeriodic(watchEvery.toMillis(), id -> checkForChanges());
    });
  }

  /** Reloads when a file under robots/ changed since the last check (also after a refused reload, to try the fix). */
  Future<Boolean> checkForChanges() {
    Optional<Path> folder = reloads.current().folder();
    if (checking || folder.isEmpty()) {
      return Future.succeededFuture(false);
    }
    checking = true;
    return vertx.executeBlocking(() -> FolderFingerprint.of(folder.get()), false)
      .compose(now -> {
        if (now.equals(fingerprint)) {
          return Future.succeededFuture(false);
        }
        fingerprint = now;
        LOG.info("A file in {} changed; reloading the rules", folder.get());
        return reloads.reload(RuleBookReloads.Trigger.FILE_CHANGE, Optional.empty()).map(true);
      })
      .onFailure(failure -> LOG.error("Could not check {} for changed rules: {}", folder.get(), failure.getMessage()))
      .eventually(() -> {
        checking = false;
        return Future.succeededFuture();
      });
  }

  /** The verticle's context, so a test runs a check on its event loop as the timer would. */
  io.vertx.core.Context context() {
    return context;
  }

  private void reportGaps() {
    LocalDate today = LocalDate.now(clock.withZone(SWEDEN));
    List<RuleGap> gaps = RuleGaps.ahead(reloads.current().get(), today);
    missingGauge.register(gaps.stream().map(gap -> MultiGauge.Row.of(Tags.of("kind", gap.kind().key(),
      "tenant", gap.tenantId().orElse(""), "month", gap.month().toString()), 1)).toList(), true);
    if (gaps.equals(reported) && today.equals(reportedOn)) {
      return;
    }
    reported = gaps;
    reportedOn = today;
    String folder = reloads.current().folder().map(Object::toString).orElse("robots");
    for (RuleGap gap : gaps) {
      LOG.warn("Rules missing: {}. Add {}/{} with the decided amounts and their source; until then applications for "
        + "that month wait for it (nothing is lost), and provräkning says the amounts are not decided yet.",
        gap, folder, gap.suggestedFile());
    }
  }
}
