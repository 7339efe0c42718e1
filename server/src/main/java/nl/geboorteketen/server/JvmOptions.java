package nl.geboorteketen.server;

/**
 * The JVM options the launcher gives the server (README's first command), in one place: the
 * benchmark gives the same to both servers it compares. A compile-time constant, so the harness
 * gets it inlined and needs none of the server's classes when it runs.
 */
public final class JvmOptions {

  /**
   * <ul>
   *   <li>A thread that writes a large heap buffer to a file (H2's chunks) keeps the JDK's direct copy
   *       of it cached for the next write; capped, such copies are freed: some 55 MiB less peak RSS.</li>
   *   <li>The validator's definitions are parsed from JSON, each value a String of its own: G1 shares
   *       equal ones' bytes once they survive a few collections, some 75 MB less live heap.</li>
   *   <li>Those definitions and HAPI's caches stay live for good (some 430 MB): with a 768 MB heap G1's
   *       adaptive threshold marked them every 5 s to reclaim a few MB each time, 13-22 % of the CPU.
   *       It now starts marking when the old generation holds 60 % of the heap ("G1 marks less often").</li>
   *   <li>HotSpot never compiles a method of more than 8,000 bytes of bytecode; the validator's
   *       check of every primitive value ({@code InstanceValidator.checkPrimitive}) is 8,162, so it
   *       ran interpreted on every write. Huge methods are now compiled like any other once hot.</li>
   *   <li>Spring calls a configuration's bean methods through a generated {@code FastClass}, whose
   *       {@code invoke} is one switch over all of them. HAPI creates its search beans that way, and
   *       at 10,000 families C2 recompiled HAPI's switch with 95-145 MB of compiler memory for 2.4 s:
   *       the run's peak RSS. It now runs interpreted; each call only picks the method to call.</li>
   * </ul>
   * Measured in docs/decisions.md.
   */
  public static final String TUNING = "-Djdk.nio.maxCachedBufferSize=262144"
      + " -XX:+UseStringDeduplication"
      + " -XX:-G1UseAdaptiveIHOP -XX:InitiatingHeapOccupancyPercent=60"
      + " -XX:-DontCompileHugeMethods"
      + " -XX:CompileCommand=quiet -XX:CompileCommand=exclude,*FastClass*.invoke";

  private JvmOptions() {}
}
