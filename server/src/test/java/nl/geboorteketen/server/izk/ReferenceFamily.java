package nl.geboorteketen.server.izk;

import ca.uhn.fhir.context.FhirContext;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.function.UnaryOperator;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.hl7.fhir.dstu3.model.Reference;
import org.hl7.fhir.dstu3.model.Resource;

/** One reference family's STU3 files, in an order where every record comes after what it refers to. */
final class ReferenceFamily {

  final String name;
  final Map<String, Resource> byRef = new LinkedHashMap<>();

  private ReferenceFamily(String name) {
    this.name = name;
  }

  /** Records already in hand (our own family in the IZK shape). */
  static ReferenceFamily of(String name, List<Resource> records) {
    ReferenceFamily f = new ReferenceFamily(name);
    records.forEach(r -> f.byRef.put(ref(r), r));
    return f;
  }

  static ReferenceFamily read(Path folder, UnaryOperator<String> fill) throws IOException {
    ReferenceFamily f = new ReferenceFamily(folder.getFileName().toString());
    try (Stream<Path> files = Files.list(folder)) {
      for (Path p : files.filter(p -> p.toString().endsWith(".xml")).sorted().toList()) {
        Resource r = (Resource) FhirContext.forDstu3Cached().newXmlParser().parseResource(fill.apply(Files.readString(p)));
        f.byRef.put(ref(r), r);
      }
    }
    return f;
  }

  static String ref(Resource r) {
    return r.fhirType() + "/" + r.getIdElement().getIdPart();
  }

  /** The woman: the family's own Patient, or the Patient its records are most about (Echo-Casus2 has none of its own). */
  String woman() {
    return byRef.keySet().stream().filter(k -> k.startsWith("Patient/")).findFirst().orElseGet(() ->
        byRef.values().stream().flatMap(r -> references(r).stream()).filter(k -> k.startsWith("Patient/"))
            .collect(Collectors.groupingBy(Function.identity(), Collectors.counting())).entrySet().stream()
            .max(Map.Entry.comparingByValue()).map(Map.Entry::getKey).orElseThrow());
  }

  /** References to records in none of these families, with the display the first one carries. */
  Map<String, String> missing(Collection<ReferenceFamily> all) {
    Set<String> known = all.stream().flatMap(f -> f.byRef.keySet().stream()).collect(Collectors.toSet());
    Map<String, String> out = new LinkedHashMap<>();
    for (Resource r : byRef.values()) {
      for (Reference ref : referenceElements(r)) {
        String target = ref.getReference();
        if (target.matches("[A-Z][A-Za-z]+/[^/]+") && !known.contains(target)) {
          out.putIfAbsent(target, ref.getDisplay());
        }
      }
    }
    return out;
  }

  List<Resource> inLoadOrder() {
    Set<String> done = new LinkedHashSet<>();
    List<Resource> out = new ArrayList<>();
    byRef.keySet().stream().sorted(Comparator.comparing(k -> k.startsWith("Patient/") ? 0 : 1))
        .forEach(k -> visit(k, done, new LinkedHashSet<>(), out));
    return out;
  }

  private void visit(String ref, Set<String> done, Set<String> path, List<Resource> out) {
    Resource r = byRef.get(ref);
    if (r == null || done.contains(ref) || !path.add(ref)) {
      return;
    }
    for (String target : references(dependencies(r))) {
      visit(target, done, path, out);
    }
    done.add(ref);
    out.add(r);
  }

  /** A maternal record is written first without its diagnosis: its pregnancy (Condition) points back at it. */
  static Resource withoutDiagnosis(org.hl7.fhir.dstu3.model.EpisodeOfCare record) {
    org.hl7.fhir.dstu3.model.EpisodeOfCare first = record.copy();
    first.getDiagnosis().clear();
    return first;
  }

  private static Resource dependencies(Resource r) {
    return r instanceof org.hl7.fhir.dstu3.model.EpisodeOfCare record ? withoutDiagnosis(record) : r;
  }

  static List<String> references(Resource record) {
    return referenceElements(record).stream().map(Reference::getReference).toList();
  }

  /** Every reference with a target, extensions and contained resources included (HAPI's terser). */
  private static List<Reference> referenceElements(Resource record) {
    return FhirContext.forDstu3Cached().newTerser().getAllPopulatedChildElementsOfType(record, Reference.class).stream()
        .filter(r -> r.getReference() != null).toList();
  }
}
