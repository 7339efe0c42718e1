package nl.geboorteketen.server;

import ca.uhn.fhir.rest.server.RestfulServer;
import jakarta.servlet.DispatcherType;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.EnumSet;
import nl.geboorteketen.server.config.FhirServerConfig;
import nl.geboorteketen.server.contribution.ContributionConfig;
import nl.geboorteketen.server.config.PersistenceConfig;
import nl.geboorteketen.server.indication.IndicationConfig;
import nl.geboorteketen.server.config.Settings;
import nl.geboorteketen.server.devdata.ExampleFamily;
import nl.geboorteketen.server.devdata.ExampleFamilyConfig;
import nl.geboorteketen.server.health.HealthChecks;
import nl.geboorteketen.server.health.HealthConfig;
import nl.geboorteketen.server.health.HealthServlet;
import nl.geboorteketen.server.packages.ProfilePackage;
import nl.geboorteketen.server.packages.ProfilePackageInstaller;
import nl.geboorteketen.server.storage.StarterStore;
import nl.geboorteketen.server.storage.StorageConfig;
import nl.geboorteketen.server.security.SecurityConfig;
import nl.geboorteketen.server.security.SecurityWeb;
import nl.geboorteketen.server.validation.BackgroundWarmUp;
import nl.geboorteketen.server.validation.ValidationWarmUp;
import nl.geboorteketen.server.web.OutcomeErrorHandlers;
import nl.geboorteketen.server.web.PackageDownloadServlet;
import nl.geboorteketen.server.web.HostGuardFilter;
import nl.geboorteketen.server.web.RequestGuardFilter;
import nl.geboorteketen.server.web.StartPageServlet;
import nl.geboorteketen.server.web.TurtleRefusalFilter;
import org.eclipse.jetty.ee10.servlet.FilterHolder;
import org.eclipse.jetty.ee10.servlet.ServletContextHandler;
import org.eclipse.jetty.ee10.servlet.ServletHolder;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.server.handler.GracefulHandler;
import org.eclipse.jetty.util.thread.QueuedThreadPool;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.AnnotationConfigApplicationContext;
import org.springframework.core.metrics.jfr.FlightRecorderApplicationStartup;

/**
 * One running Geboorteketen server: the Spring context with the JPA store, our package installed
 * and validated against, and Jetty serving /fhir, the start page and the package download.
 */
public final class GeboorteketenServer implements AutoCloseable {

  private static final Logger LOG = LoggerFactory.getLogger(GeboorteketenServer.class);

  /**
   * With this system property set, Spring records each step of its start (every bean made) as a JFR
   * event, for a recording to say where the context's time goes; the harness sets it with --jfr.
   */
  public static final String STARTUP_EVENTS = "gk.springStartupEvents";

  private final AnnotationConfigApplicationContext context;
  private final Server jetty;
  private final BackgroundWarmUp warmUp;

  private GeboorteketenServer(AnnotationConfigApplicationContext context, Server jetty, BackgroundWarmUp warmUp) {
    this.context = context;
    this.jetty = jetty;
    this.warmUp = warmUp;
  }

  public static GeboorteketenServer start(Settings settings) throws Exception {
    long started = System.currentTimeMillis();
    long jvmStarted = java.lang.management.ManagementFactory.getRuntimeMXBean().getStartTime();
    if (settings.devTokens()) {
      nl.geboorteketen.server.security.DevTokens.prepareKey(settings.dataDir());
    }
    placeStarterStore(settings);
    AnnotationConfigApplicationContext context = new AnnotationConfigApplicationContext();
    if (Boolean.getBoolean(STARTUP_EVENTS)) {
      context.setApplicationStartup(new FlightRecorderApplicationStartup());
    }
    HibernateClock hibernate = new HibernateClock();
    context.getBeanFactory().addBeanPostProcessor(hibernate);
    context.registerBean(Settings.class, () -> settings);
    context.register(PersistenceConfig.class, FhirServerConfig.class, nl.geboorteketen.server.rules.RulesConfig.class,
        IndicationConfig.class, ContributionConfig.class);
    context.register(HealthConfig.class, StorageConfig.class);
    context.register(nl.geboorteketen.server.programme.ProgrammeConfig.class);
    context.register(nl.geboorteketen.server.handover.HandoverConfig.class);
    context.register(nl.geboorteketen.server.maternalrecord.MaternalRecordConfig.class);
    context.register(SecurityConfig.class, nl.geboorteketen.server.pgo.PgoConfig.class,
        nl.geboorteketen.server.audit.AuditConfig.class);
    context.register(nl.geboorteketen.server.izk.IzkConfig.class);
    context.register(ExampleFamilyConfig.class);
    context.refresh();
    long contextReady = System.currentTimeMillis();
    try {
      context.getBean(ProfilePackageInstaller.class).install();
      long installed = System.currentTimeMillis();
      if (settings.storesExampleFamily()) {
        context.getBean(ExampleFamily.class).storeOnce();
        LOG.info("Example family (development tokens) checked in {} ms", System.currentTimeMillis() - installed);
      }
      long examples = System.currentTimeMillis();
      Server jetty = jetty(settings, context);
      jetty.start();
      long ready = System.currentTimeMillis();
      // after the port is open: reads need no warm validator, and a write that comes first loads what it needs
      GeboorteketenServer server = new GeboorteketenServer(context, jetty,
          BackgroundWarmUp.start(context.getBean(ValidationWarmUp.class), ready, jvmStarted));
      LOG.info("Geboorteketen ready at {} in {} ms", server.baseUrl(), ready - started);
      // the benchmark harness reads this line to report where start-up time goes
      LOG.info("Start-up: JVM to main {} ms, Hibernate {} ms, rest of the Spring context {} ms, package install {} ms, "
          + "example family {} ms, HTTP {} ms", started - jvmStarted, hibernate.millis(),
          contextReady - started - hibernate.millis(), installed - contextReady, examples - installed, ready - examples);
      return server;
    } catch (Exception e) {
      context.close();
      throw e;
    }
  }

  /** An empty data directory begins from the build's store, our package already installed in it. */
  private static void placeStarterStore(Settings settings) {
    if (!Launcher.jarsOnly()) {
      return;
    }
    Path starter = Launcher.starterStore();
    long started = System.currentTimeMillis();
    try {
      if (StarterStore.placeInto(settings, starter)) {
        LOG.info("Empty data directory: began from the build's store {} (package installed at build time) in {} ms",
            starter.getFileName(), System.currentTimeMillis() - started);
      }
    } catch (IOException e) {
      LOG.warn("Could not begin from the build's store {} ({}); installing the package instead", starter, e.getMessage());
    }
  }

  private static Server jetty(Settings settings, AnnotationConfigApplicationContext context) {
    QueuedThreadPool threads = new QueuedThreadPool(Math.max(16, settings.dbPoolSize() + 8));
    threads.setName("http");
    Server jetty = new Server(threads);
    ServerConnector connector = new ServerConnector(jetty);
    connector.setHost(settings.bindHost());
    connector.setPort(settings.port());
    jetty.addConnector(connector);

    ProfilePackage pkg = context.getBean(ProfilePackage.class);
    ServletContextHandler handler = new ServletContextHandler();
    handler.setContextPath("/");
    handler.setErrorHandler(OutcomeErrorHandlers.servlet());
    jetty.setErrorHandler(OutcomeErrorHandlers.server());
    handler.addServlet(new ServletHolder("fhir", context.getBean(RestfulServer.class)), "/fhir/*");
    // MedMij IZK (STU3): the longer mapping wins, so /fhir/stu3/... never reaches the R4 servlet directly
    handler.addServlet(new ServletHolder("fhir-stu3", context.getBean(nl.geboorteketen.server.izk.Stu3Servlet.class)),
        "/fhir/stu3/*");
    handler.addServlet(new ServletHolder(new StartPageServlet(pkg.id(), pkg.version())), "");
    handler.addServlet(new ServletHolder(new PackageDownloadServlet(pkg)), "/package.tgz");
    handler.addServlet(new ServletHolder(new HealthServlet(context.getBean(HealthChecks.class))), "/health/*");
    context.getBean(SecurityWeb.class).install(handler);
    handler.addFilter(new FilterHolder(new HostGuardFilter(settings.publicBaseUrl(), settings.bindHost())), "/*",
        EnumSet.of(DispatcherType.REQUEST));
    handler.addFilter(new FilterHolder(new RequestGuardFilter(settings.maxRequestBytes())), "/*",
        EnumSet.of(DispatcherType.REQUEST));
    // after the guard: it holds the body, so _format may come from a form body too
    handler.addFilter(new FilterHolder(new TurtleRefusalFilter()), "/fhir/*", EnumSet.of(DispatcherType.REQUEST));

    // In-flight requests finish on stop (SIGTERM) before the store closes.
    GracefulHandler graceful = new GracefulHandler(handler);
    jetty.setHandler(graceful);
    jetty.setStopTimeout(30_000);
    return jetty;
  }

  public int port() {
    return ((ServerConnector) jetty.getConnectors()[0]).getLocalPort();
  }

  public String baseUrl() {
    return "http://" + hostForUrl() + ":" + port() + "/fhir";
  }

  private String hostForUrl() {
    String host = ((ServerConnector) jetty.getConnectors()[0]).getHost();
    return host == null || host.equals("0.0.0.0") ? "localhost" : host;
  }

  /** Waits until the validation warm-up that follows start-up has ended; false if it had not within the wait. */
  public boolean awaitWarm(Duration wait) throws InterruptedException {
    return warmUp.await(wait);
  }

  public <T> T bean(Class<T> type) {
    return context.getBean(type);
  }

  public <T> T beanNamed(String name, Class<T> type) {
    return context.getBean(name, type);
  }

  @Override
  public void close() throws Exception {
    try {
      warmUp.stop();
      jetty.stop();
    } finally {
      context.close();
    }
    LOG.info("Geboorteketen stopped");
  }
}
