package nl.geboorteketen.benchmark;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/** Command-line arguments; README "## Benchmarks" lists them. */
public record Options(
    int clients,
    Duration duration,
    Duration warmup,
    List<Integer> families,
    String db,
    String heap,
    List<String> jvmOptions,
    int familiesPerBundle,
    boolean baseline,
    boolean jfr,
    Set<String> phases,
    String token,
    String tokenEndpoint,
    String tokenBody,
    Path repo,
    Path results) {

  static final Set<String> ALL_PHASES =
      new LinkedHashSet<>(List.of("chain", "lip", "overdracht", "generic", "partner", "growth", "restart"));

  static final String USAGE = """
      java -jar benchmark/target/geboorteketen-benchmark.jar [options]
        --clients N            concurrent clients (default 8)
        --duration 60s         chain phase; generic create/read/search phases get a third each,
                               each growth read mix a half, the $lip-indicatie burst (16 clients)
                               a quarter (default 60s)
        --warmup 90s           unrecorded warm-up per server (default 90s: the JIT's C2 needs it on 2 cores)
        --families 1000,10000  stored family counts for the growth phase (default 1000,10000)
        --db h2|postgres       database of both servers (default h2)
        --heap 2g              -Xmx of both server JVMs (default 2g)
        --jvm-option OPT       an extra option for both server JVMs, e.g. -XX:+UseG1GC (repeatable; a collector replaces the launcher's)
        --bundle-families 10   families per bulk-load transaction (default 10)
        --no-baseline          skip the bare HAPI server
        --jfr                  record our server with JFR and print where the CPU time goes, per phase
        --phases LIST          which of chain,lip,overdracht,generic,partner,growth,restart to run on our
                               server (default all; the bare server runs generic and ingest when generic
                               or growth is chosen, and restarts when restart is too). overdracht needs
                               chain: it hands over chain families
        --token JWT            bearer token sent with every request
        --token-endpoint URL   fetch a bearer token there (POST, form body --token-body) once the server is up;
                               {base} in the URL is the server's root URL (default {base}/dev/token: the
                               harness starts our server with GK_DEV_TOKENS=true)
        --token-body BODY      default identity=beheerder
        --repo DIR             repository root (default: found from the jar's location)
        --results DIR          where CSV and markdown go (default <repo>/benchmark/results)
      """;

  public static Options parse(String[] args) {
    int clients = 8;
    Duration duration = Duration.ofSeconds(60);
    Duration warmup = Duration.ofSeconds(90);
    List<Integer> families = List.of(1000, 10000);
    String db = "h2";
    String heap = "2g";
    List<String> jvmOptions = new ArrayList<>();
    int perBundle = 10;
    boolean baseline = true;
    boolean jfr = false;
    Set<String> phases = ALL_PHASES;
    String token = null;
    String tokenEndpoint = "{base}/dev/token";
    String tokenBody = "identity=beheerder";
    Path repo = null;
    Path results = null;
    for (int i = 0; i < args.length; i++) {
      String a = args[i];
      switch (a) {
        case "--clients" -> clients = Integer.parseInt(args[++i]);
        case "--duration" -> duration = duration(args[++i]);
        case "--warmup" -> warmup = duration(args[++i]);
        case "--families" -> families = counts(args[++i]);
        case "--db" -> db = args[++i];
        case "--heap" -> heap = args[++i];
        case "--jvm-option" -> jvmOptions.add(args[++i]);
        case "--bundle-families" -> perBundle = Integer.parseInt(args[++i]);
        case "--no-baseline" -> baseline = false;
        case "--jfr" -> jfr = true;
        case "--phases" -> phases = phases(args[++i]);
        case "--token" -> token = args[++i];
        case "--token-endpoint" -> tokenEndpoint = args[++i];
        case "--token-body" -> tokenBody = args[++i];
        case "--repo" -> repo = Path.of(args[++i]);
        case "--results" -> results = Path.of(args[++i]);
        case "--help", "-h" -> throw new IllegalArgumentException("");
        default -> throw new IllegalArgumentException("Unknown argument " + a);
      }
    }
    if (!db.equals("h2") && !db.equals("postgres")) {
      throw new IllegalArgumentException("--db is h2 or postgres");
    }
    if (repo == null) {
      repo = repoFromJar();
    }
    if (results == null) {
      results = repo.resolve("benchmark").resolve("results");
    }
    return new Options(clients, duration, warmup, families, db, heap, List.copyOf(jvmOptions), perBundle, baseline, jfr, phases, token,
        tokenEndpoint, tokenBody, repo.toAbsolutePath().normalize(), results.toAbsolutePath().normalize());
  }

  public boolean runs(String phase) {
    return phases.contains(phase);
  }

  static Set<String> phases(String text) {
    Set<String> chosen = new LinkedHashSet<>(List.of(text.split(",")));
    chosen.removeIf(String::isBlank);
    if (!ALL_PHASES.containsAll(chosen)) {
      throw new IllegalArgumentException("--phases takes some of " + ALL_PHASES + ", not " + text);
    }
    if (chosen.contains("overdracht") && !chosen.contains("chain")) {
      throw new IllegalArgumentException("--phases: overdracht hands over the chain's families; add chain");
    }
    return chosen;
  }

  /** "60s", "2m", "90" (seconds). */
  static Duration duration(String text) {
    String t = text.trim().toLowerCase();
    if (t.endsWith("ms")) {
      return Duration.ofMillis(Long.parseLong(t.substring(0, t.length() - 2)));
    }
    if (t.endsWith("m")) {
      return Duration.ofMinutes(Long.parseLong(t.substring(0, t.length() - 1)));
    }
    return Duration.ofSeconds(Long.parseLong(t.endsWith("s") ? t.substring(0, t.length() - 1) : t));
  }

  static List<Integer> counts(String text) {
    List<Integer> out = new ArrayList<>();
    for (String part : text.split(",")) {
      out.add(Integer.parseInt(part.trim().replace("_", "")));
    }
    out.sort(Integer::compare);
    return out;
  }

  /** benchmark/target/geboorteketen-benchmark.jar → the repository root; else the working dir. */
  private static Path repoFromJar() {
    try {
      Path jar = Path.of(Options.class.getProtectionDomain().getCodeSource().getLocation().toURI());
      Path candidate = jar.getParent().getParent().getParent();
      if (candidate.resolve("server").toFile().isDirectory()) {
        return candidate;
      }
    } catch (Exception e) {
      // fall through
    }
    return Path.of("").toAbsolutePath();
  }
}
