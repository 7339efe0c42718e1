package nl.geboorteketen.server;

/**
 * The JVM options the launcher gives the server (README's first command), in one place: the
 * benchmark gives the same to both servers it compares. A compile-time constant, so the harness
 * gets it inlined and needs none of the server's classes when it runs.
 */
public final class JvmOptions {

  /** The collector of {@link #TUNING}; a JVM given two collectors does not start, so a caller's own replaces it. */
  public static final String COLLECTOR = "-XX:+UseParallelGC";

  /**
   * <ul>
   *   <li>A thread that writes a large heap buffer to a file (H2's chunks) keeps the JDK's direct copy
   *       of it cached for the next write; capped, such copies are freed: some 55 MiB less peak RSS.</li>
   *   <li>The parallel collector, not G1: on 2 cores G1's write barriers and concurrent work cost the
   *       requests more than the parallel collector's pauses do. Six runs, alternating: creates +39-50 %,
   *       reads +45-90 %, the bulk load +25-31 %; the price is full collections of up to 0.86 s while
   *       loading ("The parallel collector", in docs/decisions.md). G1's string deduplication and
   *       marking threshold went with it: JDK 17 deduplicates only under G1.</li>
   *   <li>HotSpot never compiles a method of more than 8,000 bytes of bytecode; the validator's
   *       check of every primitive value ({@code InstanceValidator.checkPrimitive}) is 8,162, so it
   *       ran interpreted on every write. Huge methods are now compiled like any other once hot.</li>
   *   <li>Spring calls a configuration's bean methods through a generated {@code FastClass}, whose
   *       {@code invoke} is one switch over all of them. HAPI creates its search beans that way, and
   *       at 10,000 families C2 recompiled HAPI's switch with 95-145 MB of compiler memory for 2.4 s:
   *       the run's peak RSS. It now runs interpreted; each call only picks the method to call.</li>
   *   <li>Below 240 MB HotSpot keeps all compiled code in one heap instead of three: C1's profiled
   *       code, freed once C2 has compiled a method, is reused for C2's code rather than kept apart
   *       (peak 84 MB in use against 67 + 45 MB in the two method heaps).</li>
   * </ul>
   * Measured in docs/decisions.md.
   */
  public static final String TUNING = "-Djdk.nio.maxCachedBufferSize=262144"
      + " " + COLLECTOR
      + " -XX:-DontCompileHugeMethods"
      + " -XX:CompileCommand=quiet -XX:CompileCommand=exclude,*FastClass*.invoke"
      + " -XX:ReservedCodeCacheSize=100m";

  /**
   * glibc's malloc arenas for the server's JVM (its {@code MALLOC_ARENA_MAX}). glibc keeps up to 8 per
   * core, one per busy thread, and each holds on to what it freed; the JVM's heap is not malloc'd.
   * One, so that the trim below finds the freed memory in one place: with two arenas and the trim
   * the peak did not move (docs/decisions.md, "One code heap, one malloc arena").
   */
  public static final String MALLOC_ARENAS = "1";

  /**
   * Every 5 s the JVM hands what glibc keeps of freed memory back to the system ({@code malloc_trim}):
   * the C2 compiler's arenas above all. Only JDKs that have the option get it (see
   * {@link #trimsNativeHeap}); the harness applies the same rule to both servers.
   */
  public static final String NATIVE_TRIM = "-XX:+UnlockExperimentalVMOptions -XX:TrimNativeHeapInterval=5000";

  /**
   * A missing or refused class-data archive only makes a start slower: the JVM is not to print about
   * it. The launcher and the harness add it wherever they name an archive.
   */
  public static final String QUIET_ARCHIVE = "-Xlog:cds=off,cds+dynamic=off";

  /** True for an option that picks a collector, such as {@code -XX:+UseG1GC} or {@code -XX:+UseZGC}. */
  public static boolean choosesCollector(String option) {
    return option.matches("-XX:\\+Use\\w+GC");
  }

  /** JDK 17.0.9 and 21.0.1 took the option over from 22; 18 to 20 never had it. */
  public static boolean trimsNativeHeap(Runtime.Version version) {
    int feature = version.feature();
    return feature >= 22 || feature == 21 && version.update() >= 1 || feature == 17 && version.update() >= 9;
  }

  private JvmOptions() {}
}
