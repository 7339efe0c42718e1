package nl.geboorteketen.build;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.hl7.fhir.r4.model.ImplementationGuide;
import java.util.stream.Stream;
import org.hl7.fhir.r4.model.Library;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveOutputStream;
import org.apache.commons.compress.compressors.gzip.GzipCompressorOutputStream;

/**
 * Packs SUSHI's output into a FHIR NPM package (package.tgz): conformance resources in package/
 * with package.json and .index.json, examples (instances of clinical types) in package/example/,
 * with their own .index.json, every rule table of profiles/rules as a Library, and an
 * ImplementationGuide resource naming the package and what it depends on. Arguments: resources dir,
 * output tgz, package id, version, canonical, rules dir, dependencies ("name@version,…").
 */
public final class PackageAssembler {

  private PackageAssembler() {}

  public static void main(String[] args) throws IOException {
    Path resources = Path.of(args[0]);
    Path tgz = Path.of(args[1]);
    String id = args[2];
    String version = args[3];
    String canonical = args[4];
    Path rules = args.length > 5 ? Path.of(args[5]) : null;
    Map<String, String> dependencies = new LinkedHashMap<>();
    dependencies.put("hl7.fhir.r4.core", "4.0.1");
    if (args.length > 6 && !args[6].isBlank()) {
      for (String dependency : args[6].split(",")) {
        String[] nameVersion = dependency.strip().split("@");
        dependencies.put(nameVersion[0], nameVersion[1]);
      }
    }
    List<Path> files;
    try (Stream<Path> list = Files.list(resources)) {
      files = list.filter(p -> p.toString().endsWith(".json")).sorted().toList();
    }
    if (files.isEmpty()) {
      throw new IllegalStateException("SUSHI produced no resources in " + resources);
    }
    List<String> index = new ArrayList<>();
    List<String> exampleIndex = new ArrayList<>();
    for (Path file : files) {
      (ResourceIndex.isConformance(file) ? index : exampleIndex).add(ResourceIndex.entryFor(file));
    }
    List<Library> ruleLibraries = new ArrayList<>();
    if (rules != null && Files.isDirectory(rules)) {
      try (Stream<Path> list = Files.list(rules)) {
        for (Path file : list.filter(p -> p.toString().endsWith(".json")).sorted().toList()) {
          Library library = RuleTableLibrary.from(file);
          ruleLibraries.add(library);
          index.add(ResourceIndex.entryFor(RuleTableLibrary.fileName(library), library));
        }
      }
    }
    String packageJson = """
        {
          "name": "%s",
          "version": "%s",
          "canonical": "%s",
          "url": "%s",
          "title": "Geboorteketen FHIR profiles",
          "description": "Profiles, terminology, search parameters and rules of the Geboorteketen server",
          "fhirVersions": ["4.0.1"],
          "type": "IG",
          "dependencies": %s,
          "author": "Geboorteketen",
          "license": "CC0-1.0"
        }
        """.formatted(id, version, canonical, canonical, json(dependencies));
    ImplementationGuide guide = ImplementationGuides.describe(id, version, canonical, dependencies, files, ruleLibraries);
    String guideFile = "ImplementationGuide-" + guide.getIdElement().getIdPart() + ".json";
    byte[] guideJson = ImplementationGuides.json(guide);
    index.add(ResourceIndex.entryFor(guideFile, guide));
    String indexJson = "{\"index-version\":1,\"files\":[\n" + String.join(",\n", index) + "\n]}\n";
    Files.createDirectories(tgz.toAbsolutePath().getParent());
    try (OutputStream out = Files.newOutputStream(tgz);
        TarArchiveOutputStream tar = new TarArchiveOutputStream(new GzipCompressorOutputStream(out))) {
      tar.setLongFileMode(TarArchiveOutputStream.LONGFILE_POSIX);
      add(tar, "package/package.json", packageJson.getBytes(StandardCharsets.UTF_8));
      add(tar, "package/.index.json", indexJson.getBytes(StandardCharsets.UTF_8));
      add(tar, "package/example/.index.json", ("{\"index-version\":1,\"files\":[\n"
          + String.join(",\n", exampleIndex) + "\n]}\n").getBytes(StandardCharsets.UTF_8));
      add(tar, "package/" + guideFile, guideJson);
      for (Path file : files) {
        String folder = ResourceIndex.isConformance(file) ? "package/" : "package/example/";
        add(tar, folder + file.getFileName(), Files.readAllBytes(file));
      }
      for (Library library : ruleLibraries) {
        add(tar, "package/" + RuleTableLibrary.fileName(library), RuleTableLibrary.json(library));
      }
    }
    System.out.println("Packed " + files.size() + " resources and " + ruleLibraries.size()
        + " rule tables into " + tgz);
  }

  private static String json(Map<String, String> map) {
    List<String> fields = new ArrayList<>();
    map.forEach((k, v) -> fields.add("\"" + k + "\": \"" + v + "\""));
    return "{" + String.join(", ", fields) + "}";
  }

  static void add(TarArchiveOutputStream tar, String name, byte[] content) throws IOException {
    TarArchiveEntry entry = new TarArchiveEntry(name);
    entry.setSize(content.length);
    entry.setModTime(0);
    tar.putArchiveEntry(entry);
    tar.write(content);
    tar.closeArchiveEntry();
  }
}
