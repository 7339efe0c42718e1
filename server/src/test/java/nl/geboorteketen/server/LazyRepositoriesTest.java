package nl.geboorteketen.server;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import nl.geboorteketen.server.support.Fixtures;
import nl.geboorteketen.server.support.TestServer;
import org.junit.jupiter.api.Test;

/** HAPI's Spring Data repositories are built when first used, and the ones a request needs work. */
class LazyRepositoriesTest {

  @Test
  void aServerThatHasServedStillHasRepositoriesItNeverBuilt() {
    GeboorteketenServer server = TestServer.shared();
    // the examples go through creates, transactions, searches and reads: the repositories they need get built
    Fixtures.ensurePackageExamples();
    List<String> notBuilt = server.repositoriesNotBuilt();
    assertFalse(notBuilt.isEmpty(), "every repository was built, as at an eager start");
    assertTrue(notBuilt.size() < 200, notBuilt.size() + " not built");
    System.out.printf("[start-up] Spring Data repositories never built so far: %d%n", notBuilt.size());
  }
}
