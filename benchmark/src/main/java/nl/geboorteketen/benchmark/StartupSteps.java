package nl.geboorteketen.benchmark;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordingFile;

/**
 * Where the Spring context's start goes, bean by bean: the steps Spring records as JFR events when
 * the server runs with {@link #SWITCH}. A step's own time is its duration less its children's, so a
 * bean that makes others to be injected is not charged for them.
 */
public final class StartupSteps {

  /** The server's system property that turns the recording on (read in GeboorteketenServer). */
  public static final String SWITCH = "gk.springStartupEvents";

  static final String EVENT = "org.springframework.core.metrics.jfr.FlightRecorderStartupEvent";

  private static final Pattern SUBJECT = Pattern.compile("(?:beanName|repository)=([^,]+)");
  private static final Pattern REPOSITORY_BEAN = Pattern.compile("I[A-Z]\\w*(Dao|Repository)(Impl)?");
  private static final Pattern RESOURCE_DAO = Pattern.compile("my\\w+Dao(R4|R5|Dstu3)");

  /** One step as Spring records it; {@code own} is filled by {@link #withOwnTimes}. */
  public record Step(long id, long parent, String name, String tags, Duration duration, Duration own) {
    Step(long id, long parent, String name, String tags, Duration duration) {
      this(id, parent, name, tags, duration, duration);
    }

    String subject() {
      Matcher m = SUBJECT.matcher(tags);
      return m.find() ? m.group(1) : "";
    }

    String kind() {
      String subject = subject();
      if (name.startsWith("spring.data.repository") || REPOSITORY_BEAN.matcher(subject).matches()) {
        return "Spring Data repositories";
      }
      if (RESOURCE_DAO.matcher(subject).matches()) {
        return "resource DAOs";
      }
      if (subject.equals("&entityManagerFactory") || subject.equals("entityManagerFactory")) {
        return "Hibernate (entity manager factory)";
      }
      if (name.startsWith("spring.context.config-classes")) {
        return "configuration classes (parse, enhance)";
      }
      return name.startsWith("spring.beans") ? "other beans" : "the context itself";
    }
  }

  private StartupSteps() {}

  /** The steps in a recording; none when the server ran without {@link #SWITCH}. */
  public static List<Step> read(Path recording) throws IOException {
    List<Step> steps = new ArrayList<>();
    try (RecordingFile file = new RecordingFile(recording)) {
      while (file.hasMoreEvents()) {
        RecordedEvent e = file.readEvent();
        if (e.getEventType().getName().equals(EVENT)) {
          steps.add(new Step(e.getLong("eventId"), e.getLong("parentId"), e.getString("name"),
              String.valueOf(e.getString("tags")), e.getDuration()));
        }
      }
    }
    return steps;
  }

  /** Each step's own time: its duration less the durations of the steps whose parent it is. */
  public static List<Step> withOwnTimes(List<Step> steps) {
    Map<Long, Duration> children = new LinkedHashMap<>();
    steps.forEach(s -> children.merge(s.parent(), s.duration(), Duration::plus));
    return steps.stream().map(s -> new Step(s.id(), s.parent(), s.name(), s.tags(), s.duration(),
        s.duration().minus(children.getOrDefault(s.id(), Duration.ZERO)))).toList();
  }

  /** Own time per kind, then the steps with the most own time. */
  public static String render(List<Step> recorded, int top) {
    if (recorded.isEmpty()) {
      return "== the Spring context's start by step: none in the recording (was the server started with -D"
          + SWITCH + "=true?)\n";
    }
    List<Step> steps = withOwnTimes(recorded);
    Map<String, Duration> byKind = new LinkedHashMap<>();
    steps.forEach(s -> byKind.merge(s.kind(), s.own(), Duration::plus));
    StringBuilder out = new StringBuilder("== the Spring context's start by step (own time, Hibernate included)\n");
    byKind.entrySet().stream().sorted(Map.Entry.<String, Duration>comparingByValue().reversed())
        .forEach(k -> out.append(String.format("  %6d ms  %s%n", k.getValue().toMillis(), k.getKey())));
    out.append("Steps with the most own time:\n");
    steps.stream().sorted(Comparator.comparing(Step::own).reversed()).limit(top)
        .forEach(s -> out.append(String.format("  %6d ms  %s %s%n", s.own().toMillis(), s.name(), s.subject())));
    return out.toString();
  }
}
