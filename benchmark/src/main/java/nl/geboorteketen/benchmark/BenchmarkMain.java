package nl.geboorteketen.benchmark;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import nl.geboorteketen.benchmark.chain.Callers;
import nl.geboorteketen.benchmark.chain.ChainWorkload;
import nl.geboorteketen.benchmark.chain.Organisations;
import nl.geboorteketen.benchmark.generic.GenericWorkload;
import nl.geboorteketen.benchmark.growth.Growth;
import nl.geboorteketen.benchmark.server.Database;
import nl.geboorteketen.benchmark.server.ServerProcess;
import nl.geboorteketen.server.JvmOptions;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One benchmark run: our server (chain workload, generic workload, growth, restart), then the bare
 * HAPI server (generic workload, ingest, restart), each in its own JVM on a fresh database; prints
 * and writes the report.
 */
public final class BenchmarkMain {

  private static final Logger LOG = LoggerFactory.getLogger(BenchmarkMain.class);
  private static final Duration READY_TIMEOUT = Duration.ofMinutes(3);
  private static final Duration WARM_FOR_WRITES_WAIT = Duration.ofMinutes(2);
  /** Issue #3 sets the $lip-indicatie targets for 16 concurrent clients, whatever --clients is. */
  private static final int LIP_BURST_CLIENTS = 16;
  private static final String LIP_BURST_KIND = "lip-indicatie-inputs";
  /** Issue #5 sets the $overdracht target for 8 concurrent handovers. */
  private static final int OVERDRACHT_BURST_CLIENTS = 8;
  private static final String OVERDRACHT_BURST_KIND = "overdracht";
  /** Issue #16: peak RSS ≤ 1.2 GiB (the bound is exclusive, hence the fraction). */
  private static final double PEAK_RSS_TARGET_MIB = 1229.0001;

  private final Options options;
  private final Report report = new Report();
  private final Path workDir;
  private final Bsn bsns = new Bsn(10_000_000L + ThreadLocalRandom.current().nextLong(10_000_000L));
  /** The server process being measured, whose threads' CPU each measured phase reports. */
  private long serverPid = -1;

  @FunctionalInterface
  private interface MeasuredPhase {
    Phase.Result run() throws InterruptedException;
  }

  private BenchmarkMain(Options options, Path workDir) {
    this.options = options;
    this.workDir = workDir;
  }

  public static void main(String[] args) throws Exception {
    Options options;
    try {
      options = Options.parse(args);
    } catch (IllegalArgumentException e) {
      System.err.println(e.getMessage());
      System.err.println(Options.USAGE);
      System.exit(2);
      return;
    }
    String stamp = LocalDateTime.now().format(DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss"));
    Path workDir = options.repo().resolve("benchmark/target/runs/" + stamp);
    new BenchmarkMain(options, workDir).run();
  }

  /** Runs a measured phase and reports how the server's CPU went in it, per kind of thread. */
  private Phase.Result watched(MeasuredPhase phase) throws InterruptedException {
    ThreadCpu.Snapshot before = ThreadCpu.of(serverPid);
    Phase.Result result = phase.run();
    report.cpu(result, ThreadCpu.describe(before, ThreadCpu.of(serverPid)));
    return result;
  }

  private void run() throws Exception {
    long started = System.nanoTime();
    String load = Files.readString(Path.of("/proc/loadavg")).trim();
    RunResult ours = runOurs();
    boolean bareHasWork = options.runs("generic") || options.runs("growth");
    RunResult bare = options.baseline() && bareHasWork ? runBare() : null;
    if (bare != null && options.runs("generic")) {
      report.target("ratio our/bare creates", ours.creates / bare.creates, "", true, 0.75);
      report.target("ratio our/bare reads", ours.reads / bare.reads, "", true, 0.9);
      report.figure("ratio our/bare searches", ours.searches / bare.searches, "");
    }
    if (bare != null && options.runs("growth")) {
      report.target("ratio our/bare bulk ingest", ours.ingest / bare.ingest, "", true, 0.75);
    }
    if (bare != null && bare.reads > 0 && ours.partnerReads > 0) {
      report.target("ratio partner reads / bare reads", ours.partnerReads / bare.reads, "", true, 0.8);
      report.target("ratio partner searches / bare searches", ours.partnerSearches / bare.searches, "", true, 0.8);
    }
    String loadAfter = Files.readString(Path.of("/proc/loadavg")).trim();
    report.note("load average (1/5/15 min) before: " + load + "; after: " + loadAfter);
    report.note(String.format("run took %.1f min; work dir %s", (System.nanoTime() - started) / 6e10, workDir));
    String header = String.format("Benchmark run %s — %d clients, %s, families %s, db %s, server heap -Xmx%s%s"
            + " with the launcher's settings (MALLOC_ARENA_MAX=%s %s), %d cores, %d GiB RAM, Java %s",
        LocalDateTime.now().format(DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm")), options.clients(),
        options.duration(), options.families(), options.db(), options.heap(),
        options.jvmOptions().isEmpty() ? "" : " " + String.join(" ", options.jvmOptions()),
        System.getenv().getOrDefault("MALLOC_ARENA_MAX", JvmOptions.MALLOC_ARENAS), String.join(" ", launcherOptions(options.jvmOptions())),
        Runtime.getRuntime().availableProcessors(), totalMemoryGib(), System.getProperty("java.version"));
    System.out.println();
    System.out.println(header);
    System.out.println(report.table());
    report.write(options.results(), "### " + header);
    LOG.info("Results written to {}", options.results());
  }

  /** The throughputs compared with the bare server; partner*: the same reads and searches as a midwife. */
  private record RunResult(double creates, double reads, double searches, double partnerReads, double partnerSearches,
      double ingest) {
    RunResult(double creates, double reads, double searches) {
      this(creates, reads, searches, 0, 0, 0);
    }

    RunResult withPartner(double[] partner) {
      return new RunResult(creates, reads, searches, partner[0], partner[1], ingest);
    }

    RunResult withIngest(double resourcesPerSecond) {
      return new RunResult(creates, reads, searches, partnerReads, partnerSearches, resourcesPerSecond);
    }
  }

  /**
   * The generic reads and searches as a verloskundige (her own clients, registered by her in a
   * short create phase first), through the family check, to set beside the bare server's.
   */
  private double[] partner(GenericWorkload partner) throws InterruptedException {
    partner.setUp();
    Duration third = options.duration().dividedBy(3);
    LOG.info("Partner workload: creates {}, then reads and searches {} each, as a verloskundige", half(third), third);
    partner.creates("partner-creates", half(third));
    partner.reads("warmup", options.warmup().dividedBy(4));
    Phase.Result reads = watched(() -> partner.reads("partner-reads", third));
    Phase.Result searches = watched(() -> partner.searches("partner-searches", third));
    report.add(reads);
    report.add(searches);
    double r = Report.throughput(reads, "read-patient", "read-observation");
    double s = Report.throughput(searches, "search-patient-by-identifier", "search-observation-by-subject-code");
    report.figure("partner reads (verloskundige), " + options.clients() + " clients", r, "/s");
    report.figure("partner searches (verloskundige), " + options.clients() + " clients", s, "/s");
    return new double[] {r, s};
  }

  private RunResult runOurs() throws Exception {
    Path serverDir = options.repo().resolve("server/target");
    Path jar = serverDir.resolve("geboorteketen-server.jar");
    if (!Files.isRegularFile(jar)) {
      throw new IllegalStateException("No " + jar + ": build first with mvn -B -q -DskipTests package");
    }
    Path dir = workDir.resolve("geboorteketen");
    List<String> jvm = serverJvm();
    java.util.Optional<Path> archive = classArchive(serverDir);
    if (archive.isEmpty()) {
      report.note("our server runs without a class-data archive: the build made none that fits its jar");
    }
    archive.ifPresent(a -> {
      // README's command maps the archive the build made: start and restart are measured as a user meets them
      jvm.add("-XX:SharedArchiveFile=" + a);
      jvm.add(JvmOptions.QUIET_ARCHIVE);
      report.note("our server maps the class-data archive the build made: " + a.getFileName());
    });
    if (options.jfr()) {
      jvm.add("-XX:FlightRecorderOptions:stackdepth=256");
      jvm.add("-XX:StartFlightRecording=filename=" + dir.resolve("server.jfr") + ",settings=profile");
      jvm.add("-D" + StartupSteps.SWITCH + "=true");
    }
    try (Database db = Database.fresh(options.db(), dir);
        ServerProcess server = ServerProcess.start("geboorteketen", jar.toAbsolutePath().toString(),
            "nl.geboorteketen.server.Main", jvm, db, dir)) {
      long ready = server.awaitReady(READY_TIMEOUT);
      LOG.info("Our server (pid {}) ready in {} ms at {}", server.pid(), ready, server.baseUrl());
      serverPid = server.pid();
      report.target("our server: start to ready (empty data directory)", ready / 1000.0, "s", false, 15.0001);
      reportStartup(report, "start", server);
      FhirClient client = new FhirClient(server.baseUrl(), Tokens.forServer(options, server.baseUrl()), options.clients());
      client.recordInto(new Recorder());
      Organisations orgs = Organisations.create(client);
      Callers callers = new Callers(client, orgs, Tokens.endpoint(options, server.baseUrl()));

      ChainWorkload chain = new ChainWorkload(orgs, bsns);
      if (options.runs("chain")) {
        chainPhase(client, callers, chain);
      }
      if (options.runs("lip")) {
        lipBurst(server.baseUrl(), callers.midwifeToken());
      }
      if (options.runs("overdracht")) {
        overdrachtBurst(new FhirClient(server.baseUrl(), callers.midwifeToken(), OVERDRACHT_BURST_CLIENTS), orgs,
            chain.stored());
      }

      RunResult result = new RunResult(0, 0, 0);
      if (options.runs("generic")) {
        result = generic(new GenericWorkload(client, "geboorteketen", options.clients(), bsns), "geboorteketen");
      }
      if (options.runs("partner") && callers.partnerTokens()) {
        result = result.withPartner(partner(new GenericWorkload(client.as(callers.midwifeToken()), "geboorteketen",
            options.clients(), bsns, orgs)));
      }
      if (options.runs("growth")) {
        result = growth(client, orgs, chain, result);
      }
      report.target("our server: peak RSS (VmHWM)", server.peakRssMib(), "MiB", false, PEAK_RSS_TARGET_MIB);
      long[] heap = server.peakHeapMib();
      report.figure("our server: peak heap used (before GC)", heap[0], "MiB");
      report.figure("our server: peak heap committed", heap[1], "MiB");
      server.close();
      if (!options.jfr() && options.runs("restart")) {
        try (ServerProcess again = ServerProcess.start("geboorteketen", jar.toAbsolutePath().toString(),
            "nl.geboorteketen.server.Main", jvm, db, dir)) {
          long restart = again.awaitReady(READY_TIMEOUT);
          LOG.info("Our server restarted on its data in {} ms", restart);
          report.target("our server: restart to ready (same data)", restart / 1000.0, "s", false, 10.0001);
          reportStartup(report, "restart", again);
        }
      }
      if (options.jfr()) {
        String summary = JfrSummary.summarise(dir.resolve("server.jfr"), 15, report.windows("geboorteketen"))
            + "\n" + StartupSteps.render(StartupSteps.read(dir.resolve("server.jfr")), 15);
        Files.createDirectories(options.results());
        Files.writeString(options.results().resolve("latest-profile.txt"), summary);
        System.out.println(summary);
      }
      return result;
    }
  }

  private void chainPhase(FhirClient client, Callers callers, ChainWorkload chain) throws InterruptedException {
    LOG.info("Chain workload: warm-up {}, then {} with {} clients", options.warmup(), options.duration(), options.clients());
    Phase.run("warmup", "geboorteketen", client, options.clients(), options.warmup(),
        (c, i) -> chain.runFamily(callers, i));
    long before = chain.completed();
    Phase.Result chainPhase = watched(() -> Phase.run("chain", "geboorteketen", client, options.clients(),
        options.duration(), (c, i) -> chain.runFamily(callers, i)));
    report.add(chainPhase);
    report.figure("chain: families per minute", (chain.completed() - before) / chainPhase.seconds() * 60, "/min");
    report.figure("chain: families failed", chain.failed(), "");
    report.target("p95 chain-overdracht, " + options.clients() + " clients in the chain", Report.p95(chainPhase,
        "chain-overdracht"), "ms", false, 150);
    if (!callers.partnerTokens()) {
      report.note("no token endpoint: the partner and PGO chain steps were sent with the run's own token");
    }
  }

  private RunResult growth(FhirClient client, Organisations orgs, ChainWorkload chain, RunResult result)
      throws InterruptedException {
    Growth growth = new Growth(client, options.clients(), bsns, orgs, options.familiesPerBundle(), chain.stored());
    Map<String, Double> firstP95 = new HashMap<>();
    int first = options.families().get(0);
    for (int total : options.families()) {
      int from = growth.storedFamilies();
      LOG.info("Growth: loading {} → {} families", from, total);
      Phase.Result loadPhase = watched(() -> growth.loadUpTo(total, "load-to-" + total));
      report.add(loadPhase);
      long resources = (long) (growth.storedFamilies() - from) * Growth.RESOURCES_PER_FAMILY;
      report.target("bulk load to " + total + " families: ingest", resources / loadPhase.seconds(),
          "resources/s", true, 1000);
      if (result.ingest() == 0) {
        result = result.withIngest(resources / loadPhase.seconds());
      }
      LOG.info("Growth: read mix with {} families stored", growth.storedFamilies());
      Phase.Result mix = watched(() -> growth.readMix("reads-at-" + total, half(options.duration())));
      report.add(mix);
      for (String kind : List.of("search-patient-by-bsn", "search-episode-by-patient",
          "search-observation-by-subject-code", "search-observation-by-maternal-record",
          "search-observation-by-mother-and-child")) {
        double p95 = Report.p95(mix, kind);
        report.target("p95 " + kind + " at " + total + " families", p95, "ms", false, 50);
        firstP95.putIfAbsent(kind, p95);
        if (total != first) {
          // issue #16: a search's p95 at the largest size within 1.2× of its p95 at the first
          report.target("growth of p95 " + kind + ", " + first + " → " + total + " families",
              p95 / firstP95.get(kind), "×", false, 1.2001);
        }
      }
    }
    return result;
  }

  /**
   * Issue #5's load: $overdracht (verloskundige → kraamzorg) from 8 concurrent clients, as the
   * midwife whose practice manages the record, on the chain's families in turn (each call stores a
   * new document and Task), for a quarter of --duration after half of --warmup.
   */
  private void overdrachtBurst(FhirClient midwife, Organisations orgs, List<StoredFamily> families)
      throws InterruptedException {
    if (families.isEmpty()) {
      report.note("no chain family completed: no $overdracht burst");
      return;
    }
    String body = Template.load("overdracht-kraamzorg.json").fill(orgs.references());
    Phase.Work work = (c, i) -> {
      String episode = families.get((int) (i % families.size())).episode();
      midwife.post(OVERDRACHT_BURST_KIND, episode + "/$overdracht", body);
      return true;
    };
    Phase.Result burst = burst("overdracht-burst", midwife, OVERDRACHT_BURST_CLIENTS, work);
    report.figure("$overdracht, " + OVERDRACHT_BURST_CLIENTS + " clients: throughput",
        Report.throughput(burst, OVERDRACHT_BURST_KIND), "/s");
    report.target("$overdracht, " + OVERDRACHT_BURST_CLIENTS + " clients: p95", Report.p95(burst, OVERDRACHT_BURST_KIND),
        "ms", false, 150);
  }

  /** One kind of request from N clients of its own, for a quarter of --duration after half of --warmup. */
  private Phase.Result burst(String phase, FhirClient client, int clients, Phase.Work work) throws InterruptedException {
    Duration length = options.duration().dividedBy(4);
    LOG.info("{}: warm-up {}, then {} with {} clients", phase, options.warmup().dividedBy(2), length, clients);
    Phase.run("warmup", "geboorteketen", client, clients, options.warmup().dividedBy(2), work);
    Phase.Result result = watched(() -> Phase.run(phase, "geboorteketen", client, clients, length, work));
    report.add(result);
    return result;
  }

  /**
   * The class-data archive {@code mvn package} made beside the server jar (the server's ClassArchive),
   * if the JVM maps it for this jar: one left from an earlier build would be refused without a word.
   */
  private static java.util.Optional<Path> classArchive(Path serverDir) throws Exception {
    java.util.List<Path> archives;
    try (var files = Files.list(serverDir)) {
      archives = files.filter(f -> f.getFileName().toString().matches("geboorteketen-classes-[0-9a-f]+\\.jsa"))
          .map(Path::toAbsolutePath).toList();
    }
    for (Path archive : archives) {
      Process check = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
          "-Xshare:on", "-XX:SharedArchiveFile=" + archive, "-cp",
          serverDir.resolve("geboorteketen-server.jar").toAbsolutePath().toString(), "-version")
          .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
      if (check.waitFor(1, java.util.concurrent.TimeUnit.MINUTES) && check.exitValue() == 0) {
        return java.util.Optional.of(archive);
      }
    }
    return java.util.Optional.empty();
  }

  /**
   * What the launcher gives the server's JVM (JvmOptions' constants are inlined by javac; its methods
   * are not on the harness's run-time classpath, hence the copies below). The servers run on the harness's own JDK, so the same
   * version rule as the launcher's ({@code JvmOptions.trimsNativeHeap}, not on this classpath) decides the trim.
   * A collector among the extra options replaces the launcher's, as the launcher does for its caller
   * ({@code JvmOptions.choosesCollector}): a JVM given two does not start.
   */
  static List<String> launcherOptions(List<String> extra) {
    boolean ownCollector = extra.stream().anyMatch(o -> o.matches("-XX:\\+Use\\w+GC"));
    List<String> jvm = new ArrayList<>(List.of(JvmOptions.TUNING.split(" ")));
    if (ownCollector) {
      jvm.remove(JvmOptions.COLLECTOR);
    }
    Runtime.Version java = Runtime.version();
    if (java.feature() >= 22 || java.feature() == 21 && java.update() >= 1 || java.feature() == 17 && java.update() >= 9) {
      jvm.addAll(List.of(JvmOptions.NATIVE_TRIM.split(" ")));
    }
    return List.copyOf(jvm);
  }

  /** The heap, the launcher's options and --jvm-option's, the same for both servers. */
  private List<String> serverJvm() {
    List<String> jvm = new ArrayList<>(List.of("-Xmx" + options.heap()));
    jvm.addAll(launcherOptions(options.jvmOptions()));
    jvm.addAll(options.jvmOptions());
    return jvm;
  }

  private static void reportStartup(Report report, String which, ServerProcess server) throws InterruptedException {
    Map<String, Long> phases = server.startupBreakdown();
    phases.forEach((phase, ms) -> report.figure("our server: " + which + ", of which " + phase, ms / 1000.0, "s"));
    if (!phases.isEmpty()) {
      report.figure("our server: " + which + ", of which launcher and first /metadata",
          outsideServerStart(server.readyMillis(), phases) / 1000.0, "s");
    }
    // the validation warm-up runs once the server answers; until it ends a write may wait for definitions
    long warm = server.warmForWritesMillis(WARM_FOR_WRITES_WAIT);
    if (warm >= 0) {
      report.figure("our server: " + which + ", then validation warm-up (serving meanwhile)", warm / 1000.0, "s");
    }
  }

  /**
   * The part of a start the server's own line does not count: the launcher's JVM before the server's,
   * and the first /metadata after the server is up (the harness's readiness probe, as a client's).
   */
  static long outsideServerStart(long readyMillis, Map<String, Long> phases) {
    return Math.max(0, readyMillis - phases.values().stream().mapToLong(Long::longValue).sum());
  }

  /**
   * $lip-indicatie at type level with explicit inputs (nothing read from the store, nothing stored),
   * as a midwife, from 16 clients: the load issue #3 sets its targets for. The four input sets
   * take turns (basis first child, later child with formula, multiple birth op maat, hospital days).
   */
  private void lipBurst(String baseUrl, String midwifeToken) throws InterruptedException {
    List<String> bodies = Template.load("lip-indicatie-inputs.json").fill(java.util.Map.of()).lines()
        .filter(l -> !l.isBlank()).toList();
    FhirClient burst = new FhirClient(baseUrl, midwifeToken, LIP_BURST_CLIENTS);
    Phase.Work work = (c, i) -> {
      burst.post(LIP_BURST_KIND, "ServiceRequest/$lip-indicatie", bodies.get((int) (i % bodies.size())));
      return true;
    };
    Phase.Result lip = burst("lip-burst", burst, LIP_BURST_CLIENTS, work);
    report.target("$lip-indicatie (inputs), " + LIP_BURST_CLIENTS + " clients: throughput",
        Report.throughput(lip, LIP_BURST_KIND), "/s", true, 300);
    report.target("$lip-indicatie (inputs), " + LIP_BURST_CLIENTS + " clients: p95", Report.p95(lip, LIP_BURST_KIND),
        "ms", false, 25);
  }

  private RunResult runBare() throws Exception {
    Path dir = workDir.resolve("bare");
    String classpath = ownJar();
    String main = "nl.geboorteketen.benchmark.bare.BareHapiServer";
    List<String> jvm = serverJvm();
    try (Database db = Database.fresh(options.db(), dir);
        ServerProcess server = ServerProcess.start("bare HAPI", classpath, main, jvm, db, dir)) {
      long ready = server.awaitReady(READY_TIMEOUT);
      LOG.info("Bare HAPI server (pid {}) ready in {} ms", server.pid(), ready);
      serverPid = server.pid();
      report.figure("bare server: start to ready", ready / 1000.0, "s");
      FhirClient client = new FhirClient(server.baseUrl(), null, options.clients());
      GenericWorkload generic = new GenericWorkload(client, "bare-hapi", options.clients(), bsns);
      RunResult result = options.runs("generic") ? generic(generic, "bare-hapi") : new RunResult(0, 0, 0);
      if (options.runs("growth")) {
        result = result.withIngest(bareIngest(client));
      }
      report.figure("bare server: peak RSS (VmHWM)", server.peakRssMib(), "MiB");
      report.figure("bare server: peak heap used (before GC)", server.peakHeapMib()[0], "MiB");
      server.close();
      if (options.runs("restart")) {
        // our restart's counterpart; the bare server's store holds only its first --families load
        try (ServerProcess again = ServerProcess.start("bare HAPI", classpath, main, jvm, db, dir)) {
          long restart = again.awaitReady(READY_TIMEOUT);
          LOG.info("Bare HAPI server restarted on its data in {} ms", restart);
          report.figure("bare server: restart to ready (same data)", restart / 1000.0, "s");
        }
      }
      return result;
    }
  }

  /**
   * The same bulk bundles (transactions of --bundle-families families) on the bare server, up to the
   * first --families count: the ingest our server's first load is compared with.
   */
  private double bareIngest(FhirClient client) throws InterruptedException {
    Growth growth = new Growth("bare-hapi", client, options.clients(), bsns, Organisations.create(client),
        options.familiesPerBundle(), List.of());
    int total = options.families().get(0);
    LOG.info("Bare HAPI: bulk load of {} families", total);
    Phase.Result load = watched(() -> growth.loadUpTo(total, "load-to-" + total));
    report.add(load);
    double perSecond = (double) growth.storedFamilies() * Growth.RESOURCES_PER_FAMILY / load.seconds();
    report.figure("bare: bulk load to " + total + " families: ingest", perSecond, "resources/s");
    return perSecond;
  }

  /** Warm-up, then creates, reads and searches, a third of the duration each. */
  private RunResult generic(GenericWorkload generic, String server) throws InterruptedException {
    generic.setUp();
    Duration third = options.duration().dividedBy(3);
    LOG.info("Generic workload on {}: warm-up {}, then creates, reads, searches {} each", server, options.warmup(), third);
    generic.creates("warmup", options.warmup().dividedBy(2));
    generic.reads("warmup", options.warmup().dividedBy(2));
    Phase.Result creates = watched(() -> generic.creates("generic-creates", third));
    Phase.Result reads = watched(() -> generic.reads("generic-reads", third));
    Phase.Result searches = watched(() -> generic.searches("generic-searches", third));
    report.add(creates);
    report.add(reads);
    report.add(searches);
    double c = Report.throughput(creates, "create-patient", "create-observation");
    double r = Report.throughput(reads, "read-patient", "read-observation");
    double s = Report.throughput(searches, "search-patient-by-identifier", "search-observation-by-subject-code");
    if (server.equals("geboorteketen")) {
      report.target("creates with validation, " + options.clients() + " clients", c, "/s", true, 200);
      report.target("reads, " + options.clients() + " clients", r, "/s", true, 1000);
      report.figure("searches, " + options.clients() + " clients", s, "/s");
    } else {
      report.figure("bare: creates, " + options.clients() + " clients", c, "/s");
      report.figure("bare: reads, " + options.clients() + " clients", r, "/s");
      report.figure("bare: searches, " + options.clients() + " clients", s, "/s");
    }
    return new RunResult(c, r, s);
  }

  private static Duration half(Duration d) {
    return d.dividedBy(2);
  }

  /** The harness jar (its manifest brings lib/), to start the bare server from the same build. */
  private static String ownJar() throws Exception {
    return Path.of(BenchmarkMain.class.getProtectionDomain().getCodeSource().getLocation().toURI()).toString();
  }

  private static long totalMemoryGib() {
    try {
      for (String line : Files.readAllLines(Path.of("/proc/meminfo"))) {
        if (line.startsWith("MemTotal:")) {
          return Math.round(Long.parseLong(line.replaceAll("[^0-9]", "")) / 1024.0 / 1024.0);
        }
      }
    } catch (Exception e) {
      // unknown
    }
    return -1;
  }
}
