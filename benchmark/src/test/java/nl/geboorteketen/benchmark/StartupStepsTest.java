package nl.geboorteketen.benchmark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import jdk.jfr.Recording;
import nl.geboorteketen.benchmark.StartupSteps.Step;
import nl.geboorteketen.server.GeboorteketenServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.context.annotation.AnnotationConfigApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.metrics.jfr.FlightRecorderApplicationStartup;

class StartupStepsTest {

  @TempDir
  Path dir;

  @Test
  void theHarnessSetsTheSwitchTheServerReads() {
    assertEquals(GeboorteketenServer.STARTUP_EVENTS, StartupSteps.SWITCH);
  }

  /** A step is charged its duration less its children's, not the time of the beans it asked for. */
  @Test
  void ownTimeLeavesOutTheChildren() {
    List<Step> steps = List.of(
        new Step(1, 0, "spring.context.refresh", "", ms(1000)),
        new Step(2, 1, "spring.beans.instantiate", "beanName=myPatientDaoR4,", ms(600)),
        new Step(3, 2, "spring.beans.instantiate", "beanName=IResourceTableDao,", ms(250)),
        new Step(4, 3, "spring.data.repository.proxy", "repository=ca.uhn.IResourceTableDao,", ms(100)),
        new Step(5, 1, "spring.beans.instantiate", "beanName=profileSelector,", ms(300)));
    Map<Long, Long> own = StartupSteps.withOwnTimes(steps).stream()
        .collect(Collectors.toMap(Step::id, s -> s.own().toMillis()));
    assertEquals(Map.of(1L, 100L, 2L, 350L, 3L, 150L, 4L, 100L, 5L, 300L), own);
  }

  @ParameterizedTest(name = "{0} {1} -> {2}")
  @CsvSource(delimiter = ';', value = {
      "spring.data.repository.proxy; repository=ca.uhn.fhir.jpa.dao.data.IResourceTableDao,; Spring Data repositories",
      "spring.beans.instantiate; beanName=IResourceTableDaoImpl,; Spring Data repositories",
      "spring.beans.instantiate; beanName=IBatch2WorkChunkRepository,; Spring Data repositories",
      "spring.beans.instantiate; beanName=myAccountDaoR4,; resource DAOs",
      "spring.beans.instantiate; beanName=&entityManagerFactory,beanType=x,; Hibernate (entity manager factory)",
      "spring.context.config-classes.enhance; classCount=44,; configuration classes (parse, enhance)",
      "spring.beans.instantiate; beanName=searchParamExtractor,; other beans",
      "spring.beans.instantiate; beanName=IdHelperService,; other beans",
      "spring.context.refresh; ; the context itself"})
  void eachStepHasAKind(String name, String tags, String kind) {
    assertEquals(kind, new Step(1, 0, name, tags == null ? "" : tags, Duration.ZERO).kind());
  }

  /** A real Spring start recorded as the server does it: the slow bean is named with its own time. */
  @Test
  void readsTheStepsSpringRecords() throws Exception {
    Path file = dir.resolve("start.jfr");
    try (Recording recording = new Recording()) {
      recording.enable(StartupSteps.EVENT);
      recording.start();
      try (AnnotationConfigApplicationContext context = new AnnotationConfigApplicationContext()) {
        context.setApplicationStartup(new FlightRecorderApplicationStartup());
        context.register(SlowBeans.class);
        context.refresh();
      }
      recording.stop();
      recording.dump(file);
    }
    List<Step> steps = StartupSteps.withOwnTimes(StartupSteps.read(file));
    Step slow = steps.stream().filter(s -> s.subject().equals("slowBean")).findFirst().orElseThrow(() -> new AssertionError(steps));
    assertTrue(slow.own().toMillis() >= 150, slow::toString);
    String rendered = StartupSteps.render(StartupSteps.read(file), 5);
    assertTrue(rendered.contains("spring.beans.instantiate slowBean"), rendered);
  }

  @Test
  void aRecordingWithoutStepsSaysSo() {
    assertTrue(StartupSteps.render(List.of(), 5).contains(StartupSteps.SWITCH));
  }

  private static Duration ms(long millis) {
    return Duration.ofMillis(millis);
  }

  @Configuration
  static class SlowBeans {
    @Bean
    String slowBean() throws InterruptedException {
      Thread.sleep(200);
      return "slow";
    }

    @Bean
    String quickBean() {
      return "quick";
    }
  }
}
