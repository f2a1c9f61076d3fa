package se.socialportal;

import io.vertx.core.Vertx;
import io.vertx.sqlclient.Pool;
import se.socialportal.casework.Casework;
import se.socialportal.bankid.BankIdClient;
import se.socialportal.bankid.simulator.BankIdSimulator;
import se.socialportal.identity.Identity;
import se.socialportal.payment.Payments;
import se.socialportal.platform.config.AppConfig;
import se.socialportal.platform.http.HttpSettings;
import se.socialportal.tenant.TenantResolver;
import se.socialportal.robot.RobotMonitor;
import se.socialportal.rules.CurrentRuleBook;
import se.socialportal.rules.RuleBookReloads;

import java.time.Clock;
import java.util.Optional;

/**
 * The shared, thread-safe clients built once per process and handed to every verticle instance and route module.
 * Rooms add their long-lived clients here (never per-request state). {@code bankIdSimulator} is present only in
 * demo mode without BANKID_URL. {@code rules} is the rule book in force now (it changes when robots/ is reloaded:
 * take {@code rules().get()} once per piece of work). {@code robotMonitor} knows the robot instances of this process
 * (none when ROBOT_ENABLED is false).
 */
public record Services(Vertx vertx, AppConfig config, Clock clock, Pool pool, HttpSettings http, Identity identity,
                       TenantResolver tenants, BankIdClient bankId, Optional<BankIdSimulator> bankIdSimulator,
                       CurrentRuleBook rules, RuleBookReloads ruleBookReloads, Casework casework,
                       RobotMonitor robotMonitor, Payments payments) {
}
