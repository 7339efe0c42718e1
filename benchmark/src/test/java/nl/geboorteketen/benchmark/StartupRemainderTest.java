package nl.geboorteketen.benchmark;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** What a start costs besides the server's own steps: the launcher and the first /metadata. */
class StartupRemainderTest {

  @ParameterizedTest(name = "ready {0} ms, steps {1} + {2} ms -> {3} ms")
  @CsvSource({
      "22111, 430, 16814, 4867",
      "20242, 446, 17867, 1929",
      // a log whose steps outrun the probe's clock (its 100 ms polls) gives 0, not a negative time
      "1000, 600, 500, 0"})
  void theStartLessTheServersOwnSteps(long ready, long jvmToMain, long serverSteps, long expected) {
    Map<String, Long> phases = new LinkedHashMap<>();
    phases.put("JVM to main", jvmToMain);
    phases.put("the rest", serverSteps);
    assertEquals(expected, BenchmarkMain.outsideServerStart(ready, phases));
  }
}
