package nl.geboorteketen.mappings.overdracht;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import nl.geboorteketen.mappings.RecordPattern;
import nl.geboorteketen.mappings.overdracht.HandoverTable.Section;
import nl.geboorteketen.mappings.overdracht.HandoverTable.Selector;
import org.hl7.fhir.r4.model.PrimitiveType;
import org.hl7.fhir.r4.model.Property;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.Resource;

/** Whether a stored record belongs in a section, per the table's selectors. */
final class RecordSelection {

  /** Who a record is about, by resource type; anything not listed here is never selected. */
  private static final List<String> SUBJECT_ELEMENTS = List.of("subject", "patient");

  private RecordSelection() {}

  static boolean inSection(Section section, Resource r, Family family) {
    if ("entered-in-error".equals(status(r)) || enteredInError(r)) {
      return false;
    }
    return section.select().stream().anyMatch(s -> matches(s, r))
        && family.matches(section.about(), about(r));
  }

  /** False for a record of another pregnancy (its ext-maternal-record points elsewhere). */
  static boolean belongsTo(Resource r, Resource maternalRecord) {
    if (!(r instanceof org.hl7.fhir.r4.model.DomainResource d)) {
      return true;
    }
    var ext = d.getExtensionByUrl(HandoverDocumentBuilder.MATERNAL_RECORD_EXT);
    if (ext == null || !(ext.getValue() instanceof Reference ref)) {
      return true;
    }
    return ref.getReferenceElement().getIdPart().equals(maternalRecord.getIdElement().getIdPart());
  }

  static boolean matches(Selector s, Resource r) {
    if (!s.type().equals(r.fhirType())) {
      return false;
    }
    if (s.code() != null && !s.code().isEmpty() && codings(r, "code").stream().noneMatch(s.code()::contains)) {
      return false;
    }
    if (!s.pattern().matches(r)) {
      return false;
    }
    if (s.status() != null && !s.status().isEmpty() && !s.status().contains(status(r))) {
      return false;
    }
    return s.category() == null || codings(r, "category").contains(s.category());
  }

  /** The "Patient/id" a record is about: the Patient itself, else its subject / patient. */
  static String about(Resource r) {
    if (r.fhirType().equals("Patient")) {
      return "Patient/" + r.getIdElement().getIdPart();
    }
    for (String element : SUBJECT_ELEMENTS) {
      Property p = r.getNamedProperty(element);
      if (p != null && p.hasValues() && p.getValues().get(0) instanceof Reference ref && ref.hasReference()) {
        return ref.getReferenceElement().toUnqualifiedVersionless().getValue();
      }
    }
    return null;
  }

  private static final java.util.Map<String, String> ABOUT = java.util.Map.of(
      "mother", "de moeder", "child", "het kind", "family", "het gezin");

  static String describe(Section section) {
    List<String> parts = new ArrayList<>();
    for (Selector s : section.select()) {
      StringBuilder b = new StringBuilder(s.type());
      if (s.code() != null && !s.code().isEmpty()) {
        b.append(" code ").append(String.join(" of ", s.code()));
      }
      s.pattern().fixed().forEach((element, codings) -> b.append(" ").append(element).append(" ")
          .append(String.join(" en ", codings)));
      if (s.profile() != null) {
        b.append(" (").append(s.profile()).append(")");
      }
      if (s.status() != null && !s.status().isEmpty()) {
        b.append(" status ").append(String.join("/", s.status()));
      }
      if (s.category() != null) {
        b.append(" categorie ").append(s.category());
      }
      parts.add(b.toString());
    }
    return String.join("; of ", parts) + " over " + ABOUT.getOrDefault(section.about(), section.about());
  }

  /** A Condition (the IZK's pregnancy) says entered-in-error in its verification status, not a status. */
  private static boolean enteredInError(Resource r) {
    return codings(r, "verificationStatus").stream().anyMatch(c -> c.endsWith("|entered-in-error"));
  }

  private static String status(Resource r) {
    Property p = r.getNamedProperty("status");
    if (p != null && p.hasValues() && p.getValues().get(0) instanceof PrimitiveType<?> prim) {
      return prim.getValueAsString();
    }
    return null;
  }

  private static Set<String> codings(Resource r, String element) {
    return RecordPattern.codings(r, element);
  }
}
