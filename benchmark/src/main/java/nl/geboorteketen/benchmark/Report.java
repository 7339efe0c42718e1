package nl.geboorteketen.benchmark;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** Everything one run measured, printed as a table and written as CSV and markdown. */
public final class Report {

  /** One figure against its target (target may be empty). */
  public record Figure(String name, double value, String unit, String target, Boolean met) {}

  private final List<Phase.Result> phases = new ArrayList<>();
  private final List<Figure> figures = new ArrayList<>();
  private final List<String> notes = new ArrayList<>();
  private final List<String[]> cpu = new ArrayList<>();

  public void add(Phase.Result phase) {
    phases.add(phase);
  }

  /** The time windows of one server's phases, to cut a profile by phase. */
  public List<JfrSummary.Window> windows(String server) {
    return phases.stream().filter(p -> p.server().equals(server))
        .map(p -> new JfrSummary.Window(p.name(), p.started(), p.ended())).toList();
  }

  public void figure(String name, double value, String unit) {
    figures.add(new Figure(name, value, unit, "", null));
  }

  /** A figure with a target: atLeast true means value ≥ bound is met, else value ≤ bound (or < when strict). */
  public void target(String name, double value, String unit, boolean atLeast, double bound) {
    boolean met = !Double.isNaN(value) && (atLeast ? value >= bound : value < bound);
    figures.add(new Figure(name, value, unit, (atLeast ? "≥ " : "< ") + fmt(bound), met));
  }

  /** How the server's CPU was spent in one phase ({@link ThreadCpu#describe}). */
  public void cpu(Phase.Result phase, String spent) {
    if (!spent.isEmpty()) {
      cpu.add(new String[] {phase.name(), phase.server(), spent});
    }
  }

  public void note(String note) {
    notes.add(note);
  }

  /** Requests per second of the given kinds together in a phase. */
  public static double throughput(Phase.Result phase, String... kinds) {
    long n = 0;
    for (String k : kinds) {
      LatencyStats s = phase.recorder().kinds().get(k);
      n += s == null ? 0 : s.count();
    }
    return n / phase.seconds();
  }

  public static double p95(Phase.Result phase, String kind) {
    LatencyStats s = phase.recorder().kinds().get(kind);
    return s == null ? Double.NaN : s.percentileMillis(95);
  }

  public String table() {
    StringBuilder out = new StringBuilder();
    out.append(String.format(Locale.ROOT, "%-24s %-14s %-44s %8s %7s %9s %9s %9s %9s%n",
        "phase", "server", "request kind", "count", "errors", "per s", "p50 ms", "p95 ms", "p99 ms"));
    for (String[] row : rows()) {
      out.append(String.format(Locale.ROOT, "%-24s %-14s %-44s %8s %7s %9s %9s %9s %9s%n", (Object[]) row));
    }
    out.append('\n');
    for (Figure f : figures) {
      out.append(String.format(Locale.ROOT, "%-52s %12s %-10s %-10s %s%n", f.name(), fmt(f.value()), f.unit(), f.target(),
          f.met() == null ? "" : f.met() ? "met" : "MISSED"));
    }
    cpu.forEach(c -> out.append(String.format(Locale.ROOT, "cpu: %-24s %-14s %s%n", (Object[]) c)));
    notes.forEach(n -> out.append("note: ").append(n).append('\n'));
    return out.toString();
  }

  private List<String[]> rows() {
    List<String[]> rows = new ArrayList<>();
    for (Phase.Result p : phases) {
      for (Map.Entry<String, LatencyStats> e : p.recorder().kinds().entrySet()) {
        LatencyStats s = e.getValue();
        rows.add(new String[] {p.name(), p.server(), e.getKey(), String.valueOf(s.count()), String.valueOf(s.errors()),
            fmt(s.count() / p.seconds()), fmt(s.percentileMillis(50)), fmt(s.percentileMillis(95)),
            fmt(s.percentileMillis(99))});
      }
    }
    return rows;
  }

  public void write(Path dir, String header) throws IOException {
    Files.createDirectories(dir);
    StringBuilder csv = new StringBuilder("phase,server,kind,count,errors,per_second,p50_ms,p95_ms,p99_ms\n");
    for (String[] row : rows()) {
      csv.append(String.join(",", row)).append('\n');
    }
    Files.writeString(dir.resolve("latest.csv"), csv);
    StringBuilder sum = new StringBuilder("figure,value,unit,target,met\n");
    for (Figure f : figures) {
      sum.append(f.name()).append(',').append(fmt(f.value())).append(',').append(f.unit()).append(',')
          .append(f.target()).append(',').append(f.met() == null ? "" : f.met() ? "met" : "missed").append('\n');
    }
    Files.writeString(dir.resolve("latest-summary.csv"), sum);
    Files.writeString(dir.resolve("latest.md"), markdown(header));
  }

  public String markdown(String header) {
    StringBuilder md = new StringBuilder(header).append("\n\n| figure | value | target | |\n|---|---:|---|---|\n");
    for (Figure f : figures) {
      md.append("| ").append(f.name()).append(" | ").append(fmt(f.value())).append(' ').append(f.unit()).append(" | ")
          .append(f.target()).append(" | ").append(f.met() == null ? "" : f.met() ? "met" : "**missed**").append(" |\n");
    }
    md.append("\n| phase | server | request kind | count | errors | per s | p50 ms | p95 ms | p99 ms |\n")
        .append("|---|---|---|---:|---:|---:|---:|---:|---:|\n");
    for (String[] row : rows()) {
      md.append("| ").append(String.join(" | ", row)).append(" |\n");
    }
    if (!cpu.isEmpty()) {
      md.append("\nThe server's CPU per phase, by kind of thread (the kernel's accounting of each thread, JIT and GC"
          + " included; JFR samples only Java code):\n\n| phase | server | CPU |\n|---|---|---|\n");
      cpu.forEach(c -> md.append("| ").append(String.join(" | ", c)).append(" |\n"));
    }
    if (!notes.isEmpty()) {
      md.append('\n');
      notes.forEach(n -> md.append("- ").append(n).append('\n'));
    }
    return md.toString();
  }

  static String fmt(double v) {
    if (Double.isNaN(v)) {
      return "-";
    }
    if (v == Math.rint(v) && Math.abs(v) < 1e12) {
      return String.valueOf((long) v);
    }
    return String.format(Locale.ROOT, Math.abs(v) >= 100 ? "%.0f" : Math.abs(v) >= 10 ? "%.1f" : "%.2f", v);
  }
}
