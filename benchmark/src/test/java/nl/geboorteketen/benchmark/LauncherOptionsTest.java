package nl.geboorteketen.benchmark;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import nl.geboorteketen.server.JvmOptions;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Both servers get the launcher's options; a collector given with --jvm-option replaces its collector. */
class LauncherOptionsTest {

  @ParameterizedTest(name = "--jvm-option {0}")
  @ValueSource(strings = {"-XX:+UseG1GC", "-XX:+UseSerialGC", "-XX:+UseParallelGC", "-XX:TieredStopAtLevel=1", "-Xss1m"})
  void aCollectorOfTheCallersReplacesTheLaunchers(String extra) {
    List<String> options = BenchmarkMain.launcherOptions(List.of(extra));
    // the harness's copy of the rule must agree with the launcher's own
    assertEquals(!JvmOptions.choosesCollector(extra), options.contains(JvmOptions.COLLECTOR), options::toString);
  }
}
