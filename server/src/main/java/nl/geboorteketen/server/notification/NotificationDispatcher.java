package nl.geboorteketen.server.notification;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Delivers the outbox: POSTs each due notification to its endpoint, never following redirects (a 3xx
 * is a failure — no SSRF through a redirect), re-checking the allow-list at send time. A failure is
 * retried with exponential back-off (base · 2^attempts, capped) until it succeeds or is older than the
 * maximum age. Every attempt is logged in the outbox's attempt table and the server log.
 */
public class NotificationDispatcher implements AutoCloseable {

  private static final Logger LOG = LoggerFactory.getLogger(NotificationDispatcher.class);

  private final NotificationOutbox outbox;
  private final NotificationSettings settings;
  private final HttpClient http = HttpClient.newBuilder()
      .followRedirects(HttpClient.Redirect.NEVER).connectTimeout(Duration.ofSeconds(3)).build();
  private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(r -> {
    Thread t = new Thread(r, "gk-notification-dispatcher");
    t.setDaemon(true);
    return t;
  });

  public NotificationDispatcher(NotificationOutbox outbox, NotificationSettings settings) {
    this.outbox = outbox;
    this.settings = settings;
  }

  public void start() {
    long every = settings.pollInterval().toMillis();
    timer.scheduleWithFixedDelay(this::deliverDue, every, every, TimeUnit.MILLISECONDS);
  }

  /** One round: every due notification once. */
  void deliverDue() {
    try {
      for (NotificationOutbox.Notification n : outbox.due(Instant.now(), 100)) {
        deliver(n);
      }
    } catch (RuntimeException e) {
      LOG.warn("Notification round failed; retrying next round", e);
    }
  }

  private void deliver(NotificationOutbox.Notification n) {
    int status = 0;
    String error;
    try {
      if (!settings.allows(n.endpoint())) {
        error = "endpoint no longer on the allow-list";
      } else {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(n.endpoint())).timeout(Duration.ofSeconds(10))
            .POST(n.payload() == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(n.payload()));
        if (n.payload() != null) {
          request.header("Content-Type", "application/fhir+json");
        }
        if (n.headers() != null && !n.headers().isBlank()) {
          for (String line : n.headers().split("\n")) {
            int colon = line.indexOf(':');
            request.header(line.substring(0, colon).trim(), line.substring(colon + 1).trim());
          }
        }
        status = http.send(request.build(), HttpResponse.BodyHandlers.discarding()).statusCode();
        if (status >= 200 && status < 300) {
          outbox.delivered(n.id(), Instant.now(), status);
          LOG.info("Notification {} about {} delivered to {} ({}), attempt {}", n.id(), n.taskRef(), n.endpoint(), status, n.attempts() + 1);
          return;
        }
        error = status >= 300 && status < 400 ? "redirect refused (" + status + ")" : "HTTP " + status;
      }
    } catch (java.io.IOException e) {
      error = e.getClass().getSimpleName() + (e.getMessage() == null ? " (receiver unreachable)" : ": " + e.getMessage());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return;
    } catch (RuntimeException e) {
      error = e.getClass().getSimpleName() + ": " + e.getMessage();
    }
    Instant now = Instant.now();
    long backoff = Math.min(settings.retryMax().toMillis(),
        settings.retryBase().toMillis() * (1L << Math.min(20, n.attempts())));
    boolean expired = now.isAfter(n.created().plus(settings.maxAge()));
    outbox.failed(n.id(), now, status, error, now.plusMillis(backoff), expired);
    LOG.warn("Notification {} about {} to {} failed (attempt {}): {}; {}", n.id(), n.taskRef(), n.endpoint(),
        n.attempts() + 1, error, expired ? "given up (max age)" : "retry in " + backoff + " ms");
  }

  @Override
  public void close() {
    timer.shutdownNow();
  }
}
