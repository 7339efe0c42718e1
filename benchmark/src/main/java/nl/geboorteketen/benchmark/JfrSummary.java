package nl.geboorteketen.benchmark;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Where the CPU time goes, from a JFR recording: `jfr print --events jdk.ExecutionSample`, counting
 * per sample the top frame, and the first frame of our code or of HAPI / Hibernate / H2 / the validator.
 */
public final class JfrSummary {

  private static final List<String> INTERESTING = List.of("nl.geboorteketen.", "org.hl7.fhir.", "ca.uhn.fhir.",
      "org.hibernate.", "org.h2.", "org.postgresql.", "com.fasterxml.", "org.eclipse.jetty.");

  private JfrSummary() {}

  public static String summarise(Path recording, int top) throws IOException, InterruptedException {
    Path jfr = Path.of(System.getProperty("java.home"), "bin", "jfr");
    Process p = new ProcessBuilder(jfr.toString(), "print", "--stack-depth", "64", "--events", "jdk.ExecutionSample",
        recording.toString()).redirectErrorStream(true).start();
    Map<String, Integer> topFrames = new HashMap<>();
    Map<String, Integer> firstLibraryFrames = new HashMap<>();
    Map<String, Integer> packages = new HashMap<>();
    int samples = 0;
    try (BufferedReader in = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
      boolean inStack = false;
      boolean first = true;
      String firstInteresting = null;
      String line;
      while ((line = in.readLine()) != null) {
        String t = line.trim();
        if (t.startsWith("stackTrace = [")) {
          inStack = true;
          first = true;
          firstInteresting = null;
          samples++;
        } else if (inStack && t.equals("]")) {
          inStack = false;
          if (firstInteresting != null) {
            firstLibraryFrames.merge(firstInteresting, 1, Integer::sum);
            packages.merge(packageOf(firstInteresting), 1, Integer::sum);
          }
        } else if (inStack && !t.equals("...")) {
          String frame = t.replaceAll("\\s+line:.*$", "");
          if (first) {
            topFrames.merge(frame, 1, Integer::sum);
            first = false;
          }
          if (firstInteresting == null && INTERESTING.stream().anyMatch(frame::startsWith)) {
            firstInteresting = frame;
          }
        }
      }
    }
    p.waitFor();
    StringBuilder out = new StringBuilder("CPU samples: " + samples + "\n");
    out.append("By library (first frame in a known library):\n").append(topOf(packages, samples, top));
    out.append("Hottest library methods:\n").append(topOf(firstLibraryFrames, samples, top));
    out.append("Hottest top frames:\n").append(topOf(topFrames, samples, top));
    return out.toString();
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
