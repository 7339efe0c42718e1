package nl.geboorteketen.benchmark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ThreadCpuTest {

  @ParameterizedTest(name = "{0} is {1}")
  @CsvSource({
      "C2 CompilerThre, JIT C2",
      "C1 CompilerThre, JIT C1",
      "G1 Conc#0, GC and VM",
      "GC Thread#1, GC and VM",
      "VM Thread, GC and VM",
      "gk-audit-writer, audit log",
      "gk-audit-mover, audit log",
      "http-44, requests",
      "qtp1234-17, requests",
      "gk-ledger-chang, other",
      "Sweeper thread, other"})
  void threadsAreGroupedByTheirName(String name, String kind) {
    assertEquals(kind, ThreadCpu.kind(name));
  }

  @Test
  void userAndSystemTimeAreReadEvenWhenTheNameHoldsSpacesAndParentheses() {
    // fields after the name: state ppid pgrp session tty tpgid flags minflt cminflt majflt cmajflt utime stime
    String stat = "4242 (C2 (x) Thre) S 1 1 1 0 -1 4194368 10 0 0 0 150 25 0 0 20 0 40 0 99 0 0";
    ThreadCpu.Task task = ThreadCpu.parse(stat).orElseThrow();
    assertEquals("C2 (x) Thre", task.name());
    assertEquals(175, task.ticks());
    assertTrue(ThreadCpu.parse("garbage").isEmpty());
  }

  @Test
  void aPhaseIsDescribedAsCoresAndSharesLargestFirst() {
    ThreadCpu.Snapshot before = new ThreadCpu.Snapshot(0, Map.of(
        "1", new ThreadCpu.Task("http-1", 100), "2", new ThreadCpu.Task("C2 CompilerThre", 50)));
    // two seconds later: requests used 240 ticks, the compiler 100, a new audit writer thread 60
    ThreadCpu.Snapshot after = new ThreadCpu.Snapshot(2_000_000_000L, Map.of(
        "1", new ThreadCpu.Task("http-1", 340), "2", new ThreadCpu.Task("C2 CompilerThre", 150),
        "3", new ThreadCpu.Task("gk-audit-writer", 60)));
    assertEquals("2.00 cores: requests 60 %, JIT C2 25 %, audit log 15 %", ThreadCpu.describe(before, after));
    assertEquals("", ThreadCpu.describe(after, after), "no time spent: nothing to say");

    // a kind "other" of 5 % or more names the thread that took most of it
    ThreadCpu.Snapshot withOthers = new ThreadCpu.Snapshot(2_000_000_000L, Map.of(
        "1", new ThreadCpu.Task("http-1", 180), "4", new ThreadCpu.Task("Sweeper thread", 15),
        "5", new ThreadCpu.Task("Finalizer", 5)));
    assertEquals("0.50 cores: requests 80 %, other 20 % (most of it Sweeper thread)",
        ThreadCpu.describe(before, withOthers));
  }

  @Test
  void thisProcessCanBeMeasuredOnLinux() {
    ThreadCpu.Snapshot now = ThreadCpu.of(ProcessHandle.current().pid());
    if (java.nio.file.Files.isDirectory(java.nio.file.Path.of("/proc/self/task"))) {
      assertTrue(now.threads().values().stream().anyMatch(t -> t.ticks() > 0), "this JVM has used CPU: " + now);
      assertTrue(now.threads().size() > 1, "a JVM has more than one thread");
    }
    assertTrue(ThreadCpu.of(-1).threads().isEmpty(), "no such process: nothing");
  }
}
