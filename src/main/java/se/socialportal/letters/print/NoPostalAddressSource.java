package se.socialportal.letters.print;

import io.vertx.core.Future;

import java.util.Optional;

/**
 * No folkbokföring address source connected (production until a municipality connects one). It never invents an
 * address: the print batch refuses to start and the page says why ({@link PrintQueue#NO_SOURCE}).
 */
public final class NoPostalAddressSource implements PostalAddressSource {

  @Override
  public Future<Optional<PostalAddress>> lookup(Query query) {
    return Future.failedFuture(new IllegalStateException(PrintQueue.NO_SOURCE));
  }

  @Override
  public boolean connected() {
    return false;
  }

  @Override
  public String name() {
    return "none";
  }
}
