package nl.geboorteketen.benchmark.server;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Hibernate's build beside the Spring context, read from the server's log. */
class HibernateBuiltTest {

  @Test
  void readsTheLastStartsLine() {
    List<String> log = List.of(
        "05:01:02.003 INFO  [main] n.g.server.GeboorteketenServer - Hibernate built beside the Spring context in 3551 ms",
        "05:02:02.003 INFO  [main] n.g.server.GeboorteketenServer - Hibernate built beside the Spring context in 2907 ms");
    assertEquals(2907, ServerProcess.hibernateBuilt(log));
  }

  @Test
  void aServerThatWritesNoneGivesMinusOne() {
    assertEquals(-1, ServerProcess.hibernateBuilt(List.of("Started Jetty", "Start-up: JVM to main 400 ms")));
  }
}
