package se.socialportal.robot.registers;

import io.vertx.core.Future;

/**
 * The SSBTEK-style port: one question per person and month, answered per agency (Försäkringskassan,
 * Pensionsmyndigheten, CSN, Arbetsförmedlingen, a-kassan, Skatteverket, Migrationsverket). A real connection is a SOAP
 * call over mutual TLS with the municipality's certificate and the responsible handläggare named in the request
 * (docs/sources.md#register-data-ssbtek); this project ships the demo's RegisterSimulator (demo mode, tests) and
 * {@link NoRegisterConnection}.
 *
 * <p>Implementations never block the event loop and never fail for an agency that does not answer: that agency is
 * {@link AgencyAnswer.Status#UNAVAILABLE}. A failed future means the adapter itself broke; the robot retries.
 */
public interface RegisterAdapter {

  Future<RegisterAnswer> fetch(RegisterQuery query);

  /** A short name for the trace, e.g. "simulator". */
  String name();
}
