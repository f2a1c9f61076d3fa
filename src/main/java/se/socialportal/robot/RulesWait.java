package se.socialportal.robot;

import io.vertx.core.Future;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import se.socialportal.rules.RuleBook;
import se.socialportal.rules.RulesNotInForceException;
import se.socialportal.rules.UnknownTenantException;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

/**
 * Puts jobs that wait for rules back in the queue once the rule book in force covers their month. Run after every
 * reload and on every sweep: the sweep also catches a job that began to wait just as a reload happened, and a job
 * another server's reload did not resume because this server's robots/ had the new file first.
 */
final class RulesWait {

  private static final Logger LOG = LoggerFactory.getLogger(RulesWait.class);

  private final JobQueue queue;
  private final Supplier<RuleBook> book;

  RulesWait(JobQueue queue, Supplier<RuleBook> book) {
    this.queue = queue;
    this.book = book;
  }

  /** How many jobs went back to the queue. */
  Future<Integer> resumeCovered() {
    return queue.waitingForRules().compose(waiting -> {
      RuleBook rules = book.get();
      List<Future<Integer>> resumed = new ArrayList<>();
      for (JobQueue.TenantMonth tenantMonth : waiting) {
        if (covers(rules, tenantMonth)) {
          resumed.add(queue.resume(tenantMonth).onSuccess(count -> LOG.info(
            "Rules for {} are in force now: {} waiting job(s) of tenant {} resume", tenantMonth.month(), count,
            tenantMonth.tenant())));
        }
      }
      return Future.all(resumed).map(all -> resumed.stream().mapToInt(Future::result).sum());
    });
  }

  private static boolean covers(RuleBook rules, JobQueue.TenantMonth waiting) {
    try {
      rules.inForce(waiting.tenant(), waiting.month());
      return true;
    } catch (RulesNotInForceException | UnknownTenantException e) {
      return false;
    }
  }
}
