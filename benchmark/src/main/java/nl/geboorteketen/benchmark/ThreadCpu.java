package nl.geboorteketen.benchmark;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * The CPU time a server process spent in a phase, per kind of thread, from the kernel's own
 * accounting ({@code /proc/<pid>/task/<tid>/stat}: user and system time of each thread). A JFR
 * profile samples only threads running Java code and so cannot say how much of the machine the JIT
 * compiler or a thread in file writes took; this can.
 */
public final class ThreadCpu {

  /** CPU ticks per thread id, with each thread's name, at one moment. */
  public record Snapshot(long nanoTime, Map<String, Task> threads) {}

  /** One thread: its name and the CPU ticks it has used since it started. */
  public record Task(String name, long ticks) {}

  /** Linux's USER_HZ: the unit of the stat file's times. */
  private static final double TICKS_PER_SECOND = 100.0;

  private ThreadCpu() {}

  /** The threads of this process now; empty where /proc cannot be read (not Linux, process gone). */
  public static Snapshot of(long pid) {
    Map<String, Task> threads = new HashMap<>();
    try (DirectoryStream<Path> tasks = Files.newDirectoryStream(Path.of("/proc", String.valueOf(pid), "task"))) {
      for (Path task : tasks) {
        try {
          parse(Files.readString(task.resolve("stat"))).ifPresent(t -> threads.put(task.getFileName().toString(), t));
        } catch (IOException threadEnded) {
          // a thread that ended between listing and reading: its time is lost to the phase, as in top
        }
      }
    } catch (IOException | RuntimeException noProc) {
      // not available: an empty snapshot, reported as nothing
    }
    return new Snapshot(System.nanoTime(), threads);
  }

  /** One line of a stat file: "tid (name) state ppid … utime stime …"; the name may hold spaces and ')'. */
  static Optional<Task> parse(String stat) {
    int open = stat.indexOf('(');
    int close = stat.lastIndexOf(')');
    if (open < 0 || close < open) {
      return Optional.empty();
    }
    String[] fields = stat.substring(close + 2).trim().split("\\s+");
    if (fields.length < 13) {
      return Optional.empty();
    }
    long ticks = Long.parseLong(fields[11]) + Long.parseLong(fields[12]);
    return Optional.of(new Task(stat.substring(open + 1, close), ticks));
  }

  /** The kind of work a thread does, from its name (the kernel keeps the first 15 characters). */
  static String kind(String name) {
    String n = name.toLowerCase(Locale.ROOT);
    if (n.startsWith("c2 compiler")) {
      return "JIT C2";
    }
    if (n.startsWith("c1 compiler")) {
      return "JIT C1";
    }
    if (n.startsWith("g1 ") || n.startsWith("gc thread") || n.startsWith("vm thread")
        || n.startsWith("stringdedup")) {
      return "GC and VM";
    }
    if (n.startsWith("gk-audit-")) {
      return "audit log"; // the writer, and on H2 the journal's mover
    }
    if (n.startsWith("http") || n.startsWith("qtp")) {
      return "requests";
    }
    return "other";
  }

  private static String largest(Map<String, Long> spentByName) {
    return spentByName.entrySet().stream().max(Map.Entry.comparingByValue()).map(Map.Entry::getKey).orElse("?");
  }

  /** "1.81 cores: requests 51 %, JIT C2 22 %, …", largest first; empty when nothing was measured. */
  public static String describe(Snapshot before, Snapshot after) {
    Map<String, Long> byKind = new HashMap<>();
    Map<String, Long> others = new HashMap<>();
    long total = 0;
    for (Map.Entry<String, Task> e : after.threads().entrySet()) {
      Task earlier = before.threads().get(e.getKey());
      long spent = e.getValue().ticks() - (earlier == null ? 0 : earlier.ticks());
      String kind = kind(e.getValue().name());
      byKind.merge(kind, spent, Long::sum);
      if (kind.equals("other")) {
        others.merge(e.getValue().name(), spent, Long::sum);
      }
      total += spent;
    }
    double seconds = (after.nanoTime() - before.nanoTime()) / 1e9;
    if (total <= 0 || seconds <= 0) {
      return "";
    }
    long all = total;
    return String.format(Locale.ROOT, "%.2f cores: ", all / TICKS_PER_SECOND / seconds)
        + byKind.entrySet().stream()
            .filter(e -> e.getValue() > 0)
            .sorted(Map.Entry.<String, Long>comparingByValue().reversed())
            .map(e -> String.format(Locale.ROOT, "%s %.0f %%", e.getKey(), 100.0 * e.getValue() / all)
                + (e.getKey().equals("other") && e.getValue() * 20 >= all ? " (most of it " + largest(others) + ")" : ""))
            .collect(Collectors.joining(", "));
  }
}
