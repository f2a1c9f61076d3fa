package se.socialportal.bankid;

import io.vertx.core.Vertx;
import io.vertx.core.http.ClientAuth;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerOptions;
import io.vertx.core.net.PemKeyCertOptions;
import io.vertx.core.net.PemTrustOptions;

import java.net.URI;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

import static se.socialportal.bankid.SimulatorFixture.resource;
import static se.socialportal.testing.Futures.await;

/**
 * A tiny BankID stand-in over mutual TLS (the simulator's certificates) that answers with canned responses, for the
 * error cases the simulator cannot produce naturally. It counts requests and remembers their Content-Type.
 */
final class StubBankId implements AutoCloseable {

  record Answer(int status, String contentType, String body) {
  }

  private final ConcurrentLinkedQueue<Answer> answers = new ConcurrentLinkedQueue<>();
  private volatile Answer last = new Answer(200, "application/json", "{}");
  private final AtomicInteger requests = new AtomicInteger();
  final List<String> contentTypes = new CopyOnWriteArrayList<>();
  final List<String> paths = new CopyOnWriteArrayList<>();
  private final HttpServer server;

  StubBankId(Vertx vertx) {
    server = await(vertx.createHttpServer(new HttpServerOptions()
        .setSsl(true).setClientAuth(ClientAuth.REQUIRED)
        .setKeyCertOptions(new PemKeyCertOptions()
          .addCertValue(resource("/bankid/simulator/server.pem"))
          .addKeyValue(resource("/bankid/simulator/server.key")))
        .setTrustOptions(new PemTrustOptions().addCertValue(resource("/bankid/simulator/ca.pem"))))
      .requestHandler(request -> request.body().onSuccess(body -> {
        requests.incrementAndGet();
        contentTypes.add(String.valueOf(request.getHeader("Content-Type")));
        paths.add(request.path());
        Answer answer = answers.poll();
        if (answer == null) {
          answer = last;
        }
        last = answer;
        request.response().setStatusCode(answer.status()).putHeader("Content-Type", answer.contentType())
          .end(answer.body());
      }))
      .listen(0, "127.0.0.1"));
  }

  /** Answers in this order; the last one repeats. */
  void answer(Answer... sequence) {
    answers.clear();
    answers.addAll(List.of(sequence));
    requests.set(0);
    contentTypes.clear();
    paths.clear();
  }

  static Answer json(int status, String body) {
    return new Answer(status, "application/json", body);
  }

  static Answer error(int status, String errorCode, String details) {
    return json(status, "{\"errorCode\":\"" + errorCode + "\",\"details\":\"" + details + "\"}");
  }

  int requests() {
    return requests.get();
  }

  URI baseUrl() {
    return URI.create("https://127.0.0.1:" + server.actualPort() + "/rp/v6.0");
  }

  @Override
  public void close() {
    await(server.close());
  }
}
