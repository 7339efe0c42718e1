package nl.geboorteketen.benchmark;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordedFrame;
import jdk.jfr.consumer.RecordingFile;

/**
 * Where the CPU time goes, from a JFR recording's execution samples: per sample the top frame, the
 * first frame of HAPI / Hibernate / H2 / the validator, and the methods of ours on the stack; for the
 * whole recording and for each phase's time window, so a profile says which phase a cost belongs
 * to. Record with a deep stack (the harness uses 256 frames): HAPI's stacks are deeper than JFR's
 * default 64, and a cut stack loses its outer frames, ours among them.
 */
public final class JfrSummary {

  private static final List<String> INTERESTING = List.of("org.hl7.fhir.", "ca.uhn.fhir.",
      "org.hibernate.", "org.h2.", "org.postgresql.", "com.fasterxml.", "org.eclipse.jetty.");

  /** A named stretch of wall-clock time (a phase). */
  public record Window(String name, Instant from, Instant to) {
    boolean holds(Instant t) {
      return !t.isBefore(from) && t.isBefore(to);
    }
  }

  private JfrSummary() {}

  /**
   * For a recording made by hand (jcmd PID JFR.start / JFR.dump): {@code JfrSummary file.jfr [top
   * [method]]}; with a method (e.g. {@code HandoverService.store}), only the samples under it.
   */
  public static void main(String[] args) throws IOException {
    int top = args.length > 1 ? Integer.parseInt(args[1]) : 25;
    String under = args.length > 2 ? args[2] : null;
    System.out.print(summarise(Path.of(args[0]), top, List.of(), under));
  }

  public static String summarise(Path recording, int top, List<Window> windows) throws IOException {
    return summarise(recording, top, windows, null);
  }

  private static String summarise(Path recording, int top, List<Window> windows, String under) throws IOException {
    Counts all = new Counts(under == null ? "whole run" : "under " + under);
    List<Counts> perWindow = new ArrayList<>();
    windows.forEach(w -> perWindow.add(new Counts(w.name())));
    try (RecordingFile file = new RecordingFile(recording)) {
      while (file.hasMoreEvents()) {
        RecordedEvent event = file.readEvent();
        if (!event.getEventType().getName().equals("jdk.ExecutionSample") || event.getStackTrace() == null) {
          continue;
        }
        List<String> frames = event.getStackTrace().getFrames().stream().map(JfrSummary::frame).toList();
        if (under != null && frames.stream().noneMatch(f -> f.endsWith(under))) {
          continue;
        }
        all.add(frames);
        for (int i = 0; i < windows.size(); i++) {
          if (windows.get(i).holds(event.getStartTime())) {
            perWindow.get(i).add(frames);
          }
        }
      }
    }
    StringBuilder out = new StringBuilder(all.render(top));
    perWindow.forEach(c -> out.append('\n').append(c.render(top)));
    return out.toString();
  }

  private static String frame(RecordedFrame f) {
    return f.getMethod().getType().getName() + "." + f.getMethod().getName();
  }

  /** Sample counts of one window. */
  private static final class Counts {
    private final String name;
    private final Map<String, Integer> topFrames = new HashMap<>();
    private final Map<String, Integer> firstLibraryFrames = new HashMap<>();
    private final Map<String, Integer> ourFrames = new HashMap<>();
    private final Map<String, Integer> ourInnermost = new HashMap<>();
    private final Map<String, Integer> packages = new HashMap<>();
    private int samples;

    Counts(String name) {
      this.name = name;
    }

    void add(List<String> frames) {
      samples++;
      if (!frames.isEmpty()) {
        topFrames.merge(frames.get(0), 1, Integer::sum);
      }
      frames.stream().filter(f -> INTERESTING.stream().anyMatch(f::startsWith)).findFirst().ifPresent(f -> {
        firstLibraryFrames.merge(f, 1, Integer::sum);
        packages.merge(packageOf(f), 1, Integer::sum);
      });
      // inclusive: every method of ours on the stack, once per sample
      frames.stream().filter(f -> f.startsWith("nl.geboorteketen.")).distinct()
          .forEach(f -> ourFrames.merge(f, 1, Integer::sum));
      // a partition: the innermost method of ours that the sample ran under
      ourInnermost.merge(frames.stream().filter(f -> f.startsWith("nl.geboorteketen.") && !f.contains("$$Lambda"))
          .findFirst().orElse("(none of ours)"), 1, Integer::sum);
    }

    String render(int top) {
      StringBuilder out = new StringBuilder("== " + name + ": CPU samples " + samples + "\n");
      out.append("By library (first frame in a known library):\n").append(topOf(packages, samples, top));
      out.append("Hottest library methods:\n").append(topOf(firstLibraryFrames, samples, top));
      out.append("Our methods, inclusive (on the stack):\n").append(topOf(ourFrames, samples, top));
      out.append("Our innermost method (each sample once):\n").append(topOf(ourInnermost, samples, top));
      out.append("Hottest top frames:\n").append(topOf(topFrames, samples, top));
      return out.toString();
    }
  }

  private static String packageOf(String frame) {
    String[] parts = frame.split("\\.");
    return parts.length > 3 ? parts[0] + "." + parts[1] + "." + parts[2] + (parts.length > 5 ? "." + parts[3] : "") : frame;
  }

  private static String topOf(Map<String, Integer> counts, int total, int top) {
    Map<String, Integer> sorted = counts.entrySet().stream()
        .sorted(Map.Entry.<String, Integer>comparingByValue().reversed()).limit(top)
        .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue, (a, b) -> a, LinkedHashMap::new));
    StringBuilder out = new StringBuilder();
    sorted.forEach((k, v) -> out.append(String.format("  %5.1f%%  %s%n", 100.0 * v / Math.max(1, total), k)));
    return out.toString();
  }
}
