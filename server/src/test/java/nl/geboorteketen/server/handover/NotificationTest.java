package nl.geboorteketen.server.handover;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.BooleanSupplier;
import nl.geboorteketen.server.notification.NotificationOutbox;
import nl.geboorteketen.server.support.Http;
import nl.geboorteketen.server.support.TestServer;
import org.hl7.fhir.r4.model.Consent;
import org.hl7.fhir.r4.model.IdType;
import org.hl7.fhir.r4.model.Subscription;
import org.hl7.fhir.r4.model.Task;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Rest-hook notifications to a real local HTTP receiver; the allow-list; no redirects. */
class NotificationTest {

  private HttpServer receiver;
  private final List<String> received = new CopyOnWriteArrayList<>();

  @AfterEach
  void stopReceiver() {
    if (receiver != null) {
      receiver.stop(0);
    }
  }

  static int freePort() throws IOException {
    try (ServerSocket s = new ServerSocket(0)) {
      return s.getLocalPort();
    }
  }

  void startReceiver(int port, int status) throws IOException {
    receiver = HttpServer.create(new InetSocketAddress("127.0.0.1", port), 0);
    receiver.createContext("/hook", exchange -> {
      received.add(new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
      if (status / 100 == 3) {
        exchange.getResponseHeaders().add("Location", "http://169.254.169.254/latest/meta-data/");
      }
      exchange.sendResponseHeaders(status, -1);
      exchange.close();
    });
    receiver.start();
  }

  static Subscription subscription(String owner, String endpoint) {
    Subscription s = new Subscription().setStatus(Subscription.SubscriptionStatus.REQUESTED)
        .setReason("Overdrachten aan onze organisatie").setCriteria("Task?owner=" + owner);
    s.getChannel().setType(Subscription.SubscriptionChannelType.RESTHOOK).setEndpoint(endpoint)
        .setPayload("application/fhir+json").addHeader("X-Receiver: jgz-test");
    return s;
  }

  static void await(BooleanSupplier condition, Duration max, String what) throws InterruptedException {
    Instant until = Instant.now().plus(max);
    while (!condition.getAsBoolean()) {
      if (Instant.now().isAfter(until)) {
        throw new AssertionError("timed out waiting for: " + what);
      }
      Thread.sleep(100);
    }
  }

  @Test
  void aReceiverThatWasDownGetsTheNotificationWhenItIsBack() throws Exception {
    HandoverFamily f = new HandoverFamily();
    f.consent("partner-delen", f.jgz(), Consent.ConsentProvisionType.PERMIT);
    int port = freePort();
    Http.Response created = f.http.postJson("/fhir/Subscription", subscription(f.jgz(), "http://127.0.0.1:" + port + "/hook"));
    assertEquals(201, created.status(), created::toString);
    String subscriptionId = "Subscription/" + new IdType(created.header("Location")).getIdPart();
    assertEquals(Subscription.SubscriptionStatus.ACTIVE,
        f.http.get("/fhir/" + subscriptionId).resource(Subscription.class).getStatus());

    Http.Response handover = f.overdracht("kraamzorg-jgz", f.jgz(), f.kraamzorg(), null);
    assertEquals(200, handover.status(), handover::toString);
    String taskRef = "Task/" + HandoverFamily.task(handover).getIdElement().getIdPart();
    NotificationOutbox outbox = TestServer.shared().bean(NotificationOutbox.class);

    await(() -> outbox.attemptsFor(taskRef).size() >= 2, Duration.ofSeconds(20), "two failed attempts while down");
    assertTrue(outbox.attemptsFor(taskRef).stream().allMatch(a -> a.httpStatus() == 0 && a.error() != null));
    List<Duration> gaps = gaps(outbox.attemptsFor(taskRef));
    assertTrue(gaps.get(0).toMillis() >= 250, "retries back off: " + gaps);

    startReceiver(port, 200);
    await(() -> "DELIVERED".equals(outbox.stateOf(taskRef, subscriptionId)), Duration.ofSeconds(20), "delivery after restart");
    assertEquals(1, received.size());
    Task delivered = Http.FHIR.newJsonParser().parseResource(Task.class, received.get(0));
    assertEquals(taskRef, "Task/" + delivered.getIdElement().getIdPart());
    assertEquals(f.jgz(), delivered.getOwner().getReference());
    assertEquals(200, outbox.attemptsFor(taskRef).get(outbox.attemptsFor(taskRef).size() - 1).httpStatus());
  }

  @Test
  void aStatusChangeIsNotifiedToo() throws Exception {
    HandoverFamily f = new HandoverFamily();
    int port = freePort();
    startReceiver(port, 204);
    assertEquals(201, f.http.postJson("/fhir/Subscription", subscription(f.kraamzorg(), "http://127.0.0.1:" + port + "/hook")).status());
    Task task = HandoverWorkflowTest.sent(f);
    await(() -> received.size() == 1, Duration.ofSeconds(10), "notification of the new task");
    assertEquals(200, HandoverWorkflowTest.put(f, HandoverWorkflowTest.current(f, task).setStatus(Task.TaskStatus.ACCEPTED)).status());
    await(() -> received.size() == 2, Duration.ofSeconds(10), "notification of the accepted task");
    assertEquals(Task.TaskStatus.ACCEPTED, Http.FHIR.newJsonParser().parseResource(Task.class, received.get(1)).getStatus());
  }

  @Test
  void aRedirectIsNotFollowedAndCountsAsAFailure() throws Exception {
    HandoverFamily f = new HandoverFamily();
    int port = freePort();
    startReceiver(port, 302);
    assertEquals(201, f.http.postJson("/fhir/Subscription", subscription(f.kraamzorg(), "http://127.0.0.1:" + port + "/hook")).status());
    Task task = HandoverWorkflowTest.sent(f);
    NotificationOutbox outbox = TestServer.shared().bean(NotificationOutbox.class);
    String taskRef = "Task/" + task.getIdElement().getIdPart();
    await(() -> !outbox.attemptsFor(taskRef).isEmpty(), Duration.ofSeconds(10), "an attempt");
    NotificationOutbox.Attempt first = outbox.attemptsFor(taskRef).get(0);
    assertEquals(302, first.httpStatus());
    assertTrue(first.error().contains("redirect refused"), first.error());
  }

  @Test
  void endpointsOutsideTheAllowListAreRefusedAtCreate() {
    HandoverFamily f = new HandoverFamily();
    for (String endpoint : List.of("http://evil.example.org/hook", "http://127.0.0.1.evil.example.org:80/hook",
        "http://user@127.0.0.1:9/hook", "file:///etc/passwd", "http://169.254.169.254/latest/meta-data/")) {
      Http.Response refused = f.http.postJson("/fhir/Subscription", subscription(f.jgz(), endpoint));
      assertEquals(422, refused.status(), () -> endpoint + ": " + refused);
      assertEquals("Subscription.channel.endpoint", refused.outcome().getIssueFirstRep().getExpression().get(0).getValue());
    }
    Subscription otherCriteria = subscription(f.jgz(), "http://127.0.0.1:9/hook").setCriteria("Patient?");
    Http.Response refused = f.http.postJson("/fhir/Subscription", otherCriteria);
    assertEquals(422, refused.status(), refused::toString);
    assertEquals("Subscription.criteria", refused.outcome().getIssueFirstRep().getExpression().get(0).getValue());
  }

  private static List<Duration> gaps(List<NotificationOutbox.Attempt> attempts) {
    return java.util.stream.IntStream.range(1, attempts.size())
        .mapToObj(i -> Duration.between(attempts.get(i - 1).at(), attempts.get(i).at())).toList();
  }
}
