package nl.geboorteketen.server.validation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;
import java.util.function.BooleanSupplier;
import nl.geboorteketen.server.GeboorteketenServer;
import nl.geboorteketen.server.packages.ProfilePackage;
import nl.geboorteketen.server.support.Http;
import nl.geboorteketen.server.support.TestServer;
import org.hl7.fhir.r4.model.Organization;
import org.junit.jupiter.api.Test;

/**
 * The validation warm-up runs after the server answers: writes that come first are validated all the
 * same, and a stop ends the warm-up between two examples instead of closing the store under it.
 */
class BackgroundWarmUpTest {

  @Test
  void theWarmUpValidatesEveryExampleUnlessAskedToStop() throws Exception {
    GeboorteketenServer server = TestServer.shared();
    ValidationWarmUp warmUp = server.bean(ValidationWarmUp.class);
    int examples = server.bean(ProfilePackage.class).resourcesIn("example").size();
    assertTrue(examples > 10, "package examples: " + examples);

    assertEquals(examples, warmUp.run(() -> false));
    assertEquals(0, warmUp.run(() -> true));
    AtomicInteger asked = new AtomicInteger();
    assertEquals(3, warmUp.run(() -> asked.incrementAndGet() > 3));
  }

  @Test
  void aStopAsksTheWarmUpToEndWithoutInterruptingItAndWaitsForIt() throws Exception {
    CountDownLatch running = new CountDownLatch(1);
    AtomicBoolean interrupted = new AtomicBoolean();
    ValidationWarmUp endless = new ValidationWarmUp(null, null, null) {
      @Override
      public int run(BooleanSupplier stop) {
        running.countDown();
        while (!stop.getAsBoolean()) {
          LockSupport.parkNanos(1_000_000);
        }
        // an interrupt would have closed H2's file under a validation's I/O
        interrupted.set(Thread.currentThread().isInterrupted());
        return 0;
      }
    };
    BackgroundWarmUp background = BackgroundWarmUp.start(endless, System.currentTimeMillis(), 0);
    assertTrue(running.await(10, TimeUnit.SECONDS));
    assertFalse(background.await(Duration.ofMillis(200)), "ended by itself");

    background.stop();

    assertTrue(background.await(Duration.ZERO), "still running after stop");
    assertFalse(interrupted.get());
  }

  @Test
  void aWriteRightAfterStartIsValidatedAndAStopEndsTheWarmUp() throws Exception {
    GeboorteketenServer server = GeboorteketenServer.start(TestServer.settings(Files.createTempDirectory("gk-warm-")));
    try {
      Http http = new Http(server.baseUrl().replaceAll("/fhir$", ""));
      assertEquals(200, http.get("/fhir/metadata").status());
      Organization valid = new Organization().setName("Verloskundigenpraktijk Vroeg");
      valid.addIdentifier().setSystem("http://fhir.nl/fhir/NamingSystem/agb-z").setValue("03007771");
      valid.addType().addCoding().setSystem("http://nictiz.nl/fhir/NamingSystem/organization-type").setCode("G3");
      assertEquals(201, http.postJson("/fhir/Organization", valid).status());
      Organization invalid = valid.copy();
      invalid.getTypeFirstRep().getCodingFirstRep().setCode("geen-organisatietype");
      Http.Response refused = http.postJson("/fhir/Organization", invalid);
      assertEquals(422, refused.status(), refused::toString);
    } finally {
      long closing = System.nanoTime();
      server.close();
      assertTrue(server.awaitWarm(Duration.ZERO), "the warm-up thread still runs after close");
      assertTrue(Duration.ofNanos(System.nanoTime() - closing).compareTo(Duration.ofSeconds(30)) < 0);
    }
  }
}
