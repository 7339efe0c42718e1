package nl.geboorteketen.build;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.context.support.DefaultProfileValidationSupport;
import ca.uhn.fhir.context.support.ValidationSupportContext;
import ca.uhn.fhir.parser.IParser;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;
import org.apache.commons.compress.archivers.tar.TarArchiveOutputStream;
import org.hl7.fhir.common.hapi.validation.support.CommonCodeSystemsTerminologyService;
import org.hl7.fhir.common.hapi.validation.support.InMemoryTerminologyServerValidationSupport;
import org.hl7.fhir.common.hapi.validation.support.PrePopulatedValidationSupport;
import org.hl7.fhir.common.hapi.validation.support.SnapshotGeneratingValidationSupport;
import org.hl7.fhir.common.hapi.validation.support.ValidationSupportChain;
import org.hl7.fhir.r4.model.Resource;
import org.hl7.fhir.r4.model.StructureDefinition;

/**
 * Makes the vendored Nictiz packages usable: they are published as differentials, and SUSHI (to
 * derive our profiles) and the validator (per call) need snapshots. Generates every snapshot once,
 * at build time, then writes each package twice: unpacked into SUSHI's package cache, and as a
 * tgz for the server's classpath. Arguments: SUSHI's package cache, classpath output folder, the
 * vendored tgz files (dependencies first). Skips work when the inputs have not changed.
 */
public final class DependencyPackages {

  private record Pkg(String name, String version, Map<String, byte[]> files) {}

  private DependencyPackages() {}

  public static void main(String[] args) throws Exception {
    Path cache = Path.of(args[0]);
    Path classpathOut = Path.of(args[1]);
    List<Path> inputs = new ArrayList<>();
    for (int i = 2; i < args.length; i++) {
      inputs.add(Path.of(args[i]));
    }
    List<Pkg> packages = new ArrayList<>();
    for (Path input : inputs) {
      packages.add(read(input));
    }
    String digest = digestOf(inputs);
    Path marker = classpathOut.resolve(".inputs-sha256");
    if (Files.exists(marker) && Files.readString(marker).equals(digest) && allInCache(cache, packages)
        && Files.exists(classpathOut.resolve("packages.txt"))) {
      System.out.println("Nictiz packages with snapshots are up to date in " + classpathOut);
      return;
    }
    FhirContext ctx = FhirContext.forR4();
    long start = System.currentTimeMillis();
    int generated = withSnapshots(ctx, packages);
    System.out.println("Generated " + generated + " snapshots for the Nictiz packages in "
        + (System.currentTimeMillis() - start) + " ms");
    Files.createDirectories(classpathOut);
    List<String> names = new ArrayList<>();
    for (Pkg pkg : packages) {
      Path dir = cache.resolve(pkg.name() + "#" + pkg.version());
      deleteTree(dir);
      for (Map.Entry<String, byte[]> file : pkg.files().entrySet()) {
        Path target = dir.resolve(file.getKey());
        Files.createDirectories(target.getParent());
        Files.write(target, file.getValue());
      }
      String tgz = pkg.name() + "-" + pkg.version() + ".tgz";
      writeTgz(pkg, classpathOut.resolve(tgz));
      names.add(tgz);
    }
    // the server cannot list a classpath folder inside a jar; it reads this list instead
    Files.writeString(classpathOut.resolve("packages.txt"), String.join("\n", names) + "\n");
    Files.writeString(marker, digest);
  }

  /** Replaces every StructureDefinition without a snapshot by one with it; returns how many. */
  private static int withSnapshots(FhirContext ctx, List<Pkg> packages) {
    IParser json = ctx.newJsonParser();
    PrePopulatedValidationSupport definitions = new PrePopulatedValidationSupport(ctx);
    Map<String, Map.Entry<Pkg, String>> sdFiles = new LinkedHashMap<>();
    for (Pkg pkg : packages) {
      pkg.files().forEach((file, bytes) -> {
        if (file.startsWith("package/") && file.endsWith(".json") && !file.contains("/.")
            && !file.endsWith("package.json")) {
          Resource r = (Resource) json.parseResource(new String(bytes, StandardCharsets.UTF_8));
          definitions.addResource(r);
          if (r instanceof StructureDefinition sd && !sd.hasSnapshot()) {
            sdFiles.put(sd.getUrl(), Map.entry(pkg, file));
          }
        }
      });
    }
    ValidationSupportChain chain = new ValidationSupportChain(ValidationSupportChain.CacheConfiguration.disabled(),
        new DefaultProfileValidationSupport(ctx), definitions,
        new InMemoryTerminologyServerValidationSupport(ctx), new CommonCodeSystemsTerminologyService(ctx));
    SnapshotGeneratingValidationSupport generator = new SnapshotGeneratingValidationSupport(ctx);
    ValidationSupportContext context = new ValidationSupportContext(chain);
    IParser out = ctx.newJsonParser();
    for (Map.Entry<String, Map.Entry<Pkg, String>> e : sdFiles.entrySet()) {
      StructureDefinition raw = (StructureDefinition) chain.fetchStructureDefinition(e.getKey());
      StructureDefinition full = (StructureDefinition) generator.generateSnapshot(context, raw, raw.getUrl(), null, raw.getName());
      if (full == null || !full.hasSnapshot()) {
        throw new IllegalStateException("No snapshot could be generated for " + e.getKey());
      }
      // later profiles derive from this one: give them the snapshot, not the differential
      definitions.addResource(full);
      e.getValue().getKey().files().put(e.getValue().getValue(),
          out.encodeResourceToString(full).getBytes(StandardCharsets.UTF_8));
    }
    return sdFiles.size();
  }

  private static Pkg read(Path tgz) throws IOException {
    Map<String, byte[]> files = new LinkedHashMap<>();
    try (InputStream in = Files.newInputStream(tgz);
        TarArchiveInputStream tar = new TarArchiveInputStream(new java.util.zip.GZIPInputStream(in))) {
      TarArchiveEntry entry;
      while ((entry = tar.getNextEntry()) != null) {
        if (!entry.isDirectory()) {
          files.put(entry.getName(), tar.readAllBytes());
        }
      }
    }
    String manifest = new String(files.get("package/package.json"), StandardCharsets.UTF_8);
    return new Pkg(field(manifest, "name"), field(manifest, "version"), files);
  }

  private static String field(String json, String name) {
    var m = java.util.regex.Pattern.compile("\"" + name + "\"\\s*:\\s*\"([^\"]+)\"").matcher(json);
    if (!m.find()) {
      throw new IllegalStateException("package.json without " + name);
    }
    return m.group(1);
  }

  private static void writeTgz(Pkg pkg, Path target) throws IOException {
    try (OutputStream out = Files.newOutputStream(target);
        TarArchiveOutputStream tar = new TarArchiveOutputStream(new java.util.zip.GZIPOutputStream(out))) {
      tar.setLongFileMode(TarArchiveOutputStream.LONGFILE_POSIX);
      for (Map.Entry<String, byte[]> file : pkg.files().entrySet()) {
        PackageAssembler.add(tar, file.getKey(), file.getValue());
      }
    }
  }

  private static boolean allInCache(Path cache, List<Pkg> packages) {
    return packages.stream().allMatch(pkg ->
        Files.exists(cache.resolve(pkg.name() + "#" + pkg.version()).resolve("package/package.json")));
  }

  private static String digestOf(List<Path> inputs) throws IOException, NoSuchAlgorithmException {
    MessageDigest sha = MessageDigest.getInstance("SHA-256");
    for (Path input : inputs) {
      sha.update(Files.readAllBytes(input));
    }
    return HexFormat.of().formatHex(sha.digest());
  }

  private static void deleteTree(Path dir) throws IOException {
    if (!Files.exists(dir)) {
      return;
    }
    try (var walk = Files.walk(dir)) {
      for (Path p : walk.sorted(java.util.Comparator.reverseOrder()).toList()) {
        Files.delete(p);
      }
    }
  }
}
