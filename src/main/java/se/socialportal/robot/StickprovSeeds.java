package se.socialportal.robot;

import io.vertx.core.Future;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Tuple;
import io.vertx.core.buffer.Buffer;

import java.security.SecureRandom;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The stickprov_seed table: one secret per tenant, made at first use (the first instance to insert wins; everyone
 * reads the winner's), then cached for the life of the process.
 */
public final class StickprovSeeds {

  private static final String INSERT = "INSERT INTO stickprov_seed (tenant_id, seed) VALUES ($1, $2) "
    + "ON CONFLICT (tenant_id) DO NOTHING";
  private static final String SELECT = "SELECT seed FROM stickprov_seed WHERE tenant_id = $1";
  private static final SecureRandom RANDOM = new SecureRandom();

  private final Pool pool;
  private final Map<String, byte[]> cache = new ConcurrentHashMap<>();

  public StickprovSeeds(Pool pool) {
    this.pool = pool;
  }

  public Future<byte[]> seed(String tenantId) {
    byte[] cached = cache.get(tenantId);
    if (cached != null) {
      return Future.succeededFuture(cached);
    }
    byte[] candidate = new byte[32];
    RANDOM.nextBytes(candidate);
    return pool.preparedQuery(INSERT).execute(Tuple.of(tenantId, Buffer.buffer(candidate)))
      .compose(inserted -> pool.preparedQuery(SELECT).execute(Tuple.of(tenantId)))
      .map(rows -> {
        byte[] seed = rows.iterator().next().getBuffer("seed").getBytes();
        cache.put(tenantId, seed);
        return seed;
      });
  }
}
