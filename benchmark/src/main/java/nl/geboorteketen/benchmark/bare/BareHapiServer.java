package nl.geboorteketen.benchmark.bare;

import ca.uhn.fhir.rest.server.RestfulServer;
import org.eclipse.jetty.ee10.servlet.ServletContextHandler;
import org.eclipse.jetty.ee10.servlet.ServletHolder;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.util.thread.QueuedThreadPool;
import org.springframework.context.annotation.AnnotationConfigApplicationContext;

/**
 * The baseline: HAPI FHIR JPA of the same version on the same database, with no package, no
 * validation, no security and no audit, served by Jetty at /fhir like our server. Reads GK_PORT,
 * GK_BIND_HOST, GK_DATA_DIR, GK_DB_URL, GK_DB_USER, GK_DB_PASSWORD, GK_DB_POOL_SIZE.
 */
public final class BareHapiServer {

  private BareHapiServer() {}

  public static void main(String[] args) throws Exception {
    BareSettings settings = BareSettings.fromEnv();
    AnnotationConfigApplicationContext context = new AnnotationConfigApplicationContext();
    context.registerBean(BareSettings.class, () -> settings);
    context.register(BareHapiConfig.class);
    context.refresh();

    // Same Jetty thread pool sizing as our server, so only the FHIR layer differs.
    QueuedThreadPool threads = new QueuedThreadPool(Math.max(16, settings.poolSize() + 8));
    Server jetty = new Server(threads);
    ServerConnector connector = new ServerConnector(jetty);
    connector.setHost(settings.bindHost());
    connector.setPort(settings.port());
    jetty.addConnector(connector);
    ServletContextHandler handler = new ServletContextHandler();
    handler.setContextPath("/");
    handler.addServlet(new ServletHolder("fhir", context.getBean(RestfulServer.class)), "/fhir/*");
    jetty.setHandler(handler);
    jetty.start();
    Runtime.getRuntime().addShutdownHook(new Thread(() -> {
      try {
        jetty.stop();
      } catch (Exception e) {
        // exiting anyway
      }
      context.close();
    }, "shutdown"));
    jetty.join();
  }
}
