package nl.geboorteketen.mappings.overdracht;

import java.util.ArrayList;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import nl.geboorteketen.mappings.overdracht.HandoverTable.HandoverType;
import nl.geboorteketen.mappings.overdracht.HandoverTable.Section;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.Composition;
import org.hl7.fhir.r4.model.Identifier;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.Resource;

/**
 * Builds a handover document (Bundle type document, Composition first) from the stored records, as
 * the handover table declares: a pure function, no I/O. Only records a section selects, the mother,
 * and the two organisations go in (data minimisation); a required section without records is
 * reported as missing instead.
 */
public final class HandoverDocumentBuilder {

  public static final String HANDOVER_TYPE_SYSTEM = "https://fhir.geboorteketen.nl/CodeSystem/gk-handover-type";
  public static final String SECTION_SYSTEM = "https://fhir.geboorteketen.nl/CodeSystem/gk-handover-section";
  public static final String MATERNAL_RECORD_EXT = "https://fhir.geboorteketen.nl/StructureDefinition/ext-maternal-record";

  private HandoverDocumentBuilder() {}

  /** The document, or the list of required content that is missing (then document is null). */
  public record Result(Bundle document, List<Missing> missing) {
    public boolean complete() {
      return missing.isEmpty();
    }
  }

  /** A required section with no records: what the sender has to record first. */
  public record Missing(String section, String title, String wanted) {}

  public static Result build(HandoverType type, HandoverInput in) {
    Family family = Family.of(in.mother(), in.children());
    Map<Section, List<Resource>> bySection = new LinkedHashMap<>();
    List<Missing> missing = new ArrayList<>();
    for (Section section : type.sections()) {
      List<Resource> found = in.records().stream()
          .filter(r -> RecordSelection.belongsTo(r, in.maternalRecord()))
          .filter(r -> RecordSelection.inSection(section, r, family))
          .toList();
      if (found.isEmpty() && section.required()) {
        missing.add(new Missing(section.code(), section.title(), RecordSelection.describe(section)));
      }
      if (!found.isEmpty()) {
        bySection.put(section, found);
      }
    }
    if (!missing.isEmpty()) {
      return new Result(null, missing);
    }
    return new Result(document(type, in, bySection), List.of());
  }

  private static Bundle document(HandoverType type, HandoverInput in, Map<Section, List<Resource>> bySection) {
    Date now = Date.from(in.now());
    String uuid = "urn:uuid:" + in.documentId();
    Composition composition = new Composition();
    composition.getMeta().addProfile(type.profile());
    composition.addExtension(MATERNAL_RECORD_EXT, ref(in.maternalRecord()));
    composition.setIdentifier(new Identifier().setSystem("urn:ietf:rfc:3986").setValue(uuid));
    composition.setStatus(Composition.CompositionStatus.FINAL);
    composition.getType().addCoding(new Coding(HANDOVER_TYPE_SYSTEM, in.typeCode(), type.title()));
    composition.setSubject(ref(in.mother()));
    composition.setDate(now);
    composition.addAuthor(ref(in.sender()));
    composition.setCustodian(ref(in.sender()));
    composition.setTitle(type.title());
    if (in.replaces() != null) {
      composition.addRelatesTo().setCode(Composition.DocumentRelationshipType.REPLACES)
          .setTarget(new Identifier().setSystem("urn:ietf:rfc:3986").setValue(in.replaces()));
    }

    Map<String, Resource> entries = new LinkedHashMap<>();
    put(entries, in.mother());
    put(entries, in.sender());
    put(entries, in.receiver());
    bySection.forEach((section, records) -> {
      Composition.SectionComponent s = composition.addSection().setTitle(section.title());
      s.getCode().addCoding(new Coding(SECTION_SYSTEM, section.code(), section.title()));
      records.forEach(r -> {
        s.addEntry(ref(r));
        put(entries, r);
      });
    });

    Bundle bundle = new Bundle().setType(Bundle.BundleType.DOCUMENT);
    bundle.setIdentifier(new Identifier().setSystem("urn:ietf:rfc:3986").setValue(uuid));
    bundle.setTimestamp(now);
    // A RESTful fullUrl, so that the Composition's relative references resolve to the entries beside it
    // (FHIR's rule for references inside a bundle); a urn:uuid fullUrl leaves them unresolved.
    composition.setId(in.documentId());
    bundle.addEntry().setFullUrl(in.baseUrl() + "/Composition/" + in.documentId()).setResource(composition);
    entries.values().forEach(r -> bundle.addEntry()
        .setFullUrl(in.baseUrl() + "/" + key(r)).setResource(r.copy()));
    return bundle;
  }

  /** The "Type/id" keys of all records in a document, Composition excluded (for tests and audits). */
  public static Set<String> contentKeys(Bundle document) {
    return document.getEntry().stream().map(Bundle.BundleEntryComponent::getResource)
        .filter(r -> !(r instanceof Composition))
        .map(HandoverDocumentBuilder::key)
        .collect(Collectors.toCollection(java.util.TreeSet::new));
  }

  private static void put(Map<String, Resource> entries, Resource r) {
    entries.putIfAbsent(key(r), r);
  }

  static String key(Resource r) {
    return r.fhirType() + "/" + r.getIdElement().getIdPart();
  }

  private static Reference ref(Resource r) {
    return new Reference(key(r));
  }
}
