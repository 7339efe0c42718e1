package nl.geboorteketen.server.handover;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.interceptor.api.IInterceptorService;
import ca.uhn.fhir.jpa.api.dao.DaoRegistry;
import javax.sql.DataSource;
import nl.geboorteketen.mappings.overdracht.HandoverTable;
import nl.geboorteketen.server.kraamweek.BreastfeedingIndicatorProvider;
import nl.geboorteketen.server.kraamweek.BreastfeedingIndicatorService;
import nl.geboorteketen.server.notification.NotificationDispatcher;
import nl.geboorteketen.server.notification.NotificationOutbox;
import nl.geboorteketen.server.notification.NotificationSettings;
import nl.geboorteketen.server.notification.TaskChangeNotifier;
import nl.geboorteketen.server.notification.TaskSubscriptions;
import nl.geboorteketen.server.packages.ProfilePackage;
import nl.geboorteketen.server.packages.ProfilePatterns;
import nl.geboorteketen.server.rules.RuleTable;
import nl.geboorteketen.server.rules.RuleTableStore;
import nl.geboorteketen.server.validation.ProfileValidationInterceptor;
import org.springframework.context.ApplicationListener;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.event.ContextRefreshedEvent;
import org.springframework.transaction.PlatformTransactionManager;

/**
 * Handovers (overdracht), the kraamweek indicator and Task notifications: services, the two
 * operations, the workflow and immutability interceptors, the subscription allow-list and the outbox.
 */
@Configuration
public class HandoverConfig {

  @Bean
  public RuleTable handoverTable(FhirContext ctx, ProfilePackage pkg) {
    ProfilePatterns profiles = new ProfilePatterns(ctx, pkg);
    return new RuleTable(HandoverTable.URL, json -> HandoverTable.parse(json, profiles::of));
  }

  @Bean
  public RuleTable breastfeedingIndicatorTable() {
    return new RuleTable(BreastfeedingIndicatorService.RULES_URL, BreastfeedingIndicatorService::parse);
  }

  @Bean
  public HandoverService handoverService(FhirContext ctx, DaoRegistry daos, ProfilePackage pkg, RuleTableStore tables,
      ProfileValidationInterceptor validation, PlatformTransactionManager txManager) {
    return new HandoverService(ctx, daos, tables, new ProfilePatterns(ctx, pkg),
        validation, txManager);
  }

  @Bean
  public HandoverTaskRules handoverTaskRules(FhirContext ctx, HandoverService service, IInterceptorService interceptors) {
    HandoverTaskRules rules = new HandoverTaskRules(ctx, service::table);
    interceptors.registerInterceptor(rules);
    return rules;
  }

  @Bean
  public HandoverDocumentGuard handoverDocumentGuard(IInterceptorService interceptors) {
    HandoverDocumentGuard guard = new HandoverDocumentGuard();
    interceptors.registerInterceptor(guard);
    return guard;
  }

  @Bean
  public BreastfeedingIndicatorService breastfeedingIndicatorService(DaoRegistry daos, RuleTableStore tables) {
    return new BreastfeedingIndicatorService(daos, tables);
  }

  @Bean
  public NotificationSettings notificationSettings() {
    return NotificationSettings.load();
  }

  @Bean
  public NotificationOutbox notificationOutbox(DataSource dataSource) {
    NotificationOutbox outbox = new NotificationOutbox(dataSource);
    outbox.createTables();
    return outbox;
  }

  @Bean
  public TaskSubscriptions taskSubscriptions(FhirContext ctx, NotificationSettings settings, IInterceptorService interceptors) {
    TaskSubscriptions subscriptions = new TaskSubscriptions(ctx, settings);
    interceptors.registerInterceptor(subscriptions);
    return subscriptions;
  }

  @Bean
  public TaskChangeNotifier taskChangeNotifier(FhirContext ctx, TaskSubscriptions subscriptions,
      NotificationOutbox outbox, IInterceptorService interceptors) {
    TaskChangeNotifier notifier = new TaskChangeNotifier(ctx, subscriptions, outbox);
    interceptors.registerInterceptor(notifier);
    return notifier;
  }

  @Bean(destroyMethod = "close")
  public NotificationDispatcher notificationDispatcher(NotificationOutbox outbox, NotificationSettings settings) {
    return new NotificationDispatcher(outbox, settings);
  }

  /** Reloads the stored subscriptions while the server runs; stopped with the server. */
  @Bean(destroyMethod = "close")
  public SubscriptionReload subscriptionReload() {
    return new SubscriptionReload();
  }

  /** The thread that reloads subscriptions, owned by the Spring context so it stops with the server. */
  public static final class SubscriptionReload implements AutoCloseable {
    final java.util.concurrent.ScheduledExecutorService executor =
        java.util.concurrent.Executors.newSingleThreadScheduledExecutor(r -> {
          Thread t = new Thread(r, "gk-subscription-reload");
          t.setDaemon(true);
          return t;
        });

    @Override
    public void close() {
      executor.shutdownNow();
    }
  }

  @Bean
  public OverdrachtProvider overdrachtProvider(HandoverService handovers) {
    return new OverdrachtProvider(handovers);
  }

  @Bean
  public BreastfeedingIndicatorProvider breastfeedingIndicatorProvider(BreastfeedingIndicatorService indicator) {
    return new BreastfeedingIndicatorProvider(indicator);
  }

  /** Once everything is up: stored subscriptions loaded, delivery started. */
  @Bean
  public ApplicationListener<ContextRefreshedEvent> handoverStartup(TaskSubscriptions subscriptions, DaoRegistry daos,
      NotificationDispatcher dispatcher, SubscriptionReload subscriptionReload) {
    return event -> {
      subscriptions.load(daos);
      dispatcher.start();
      // subscriptions stored through another node on the same database take effect here within seconds
      subscriptionReload.executor.scheduleWithFixedDelay(() -> {
        try {
          subscriptions.load(daos);
        } catch (RuntimeException e) {
          org.slf4j.LoggerFactory.getLogger(HandoverConfig.class).warn("Reloading subscriptions failed", e);
        }
      }, 5, 5, java.util.concurrent.TimeUnit.SECONDS);
    };
  }
}
