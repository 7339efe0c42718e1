package nl.geboorteketen.mappings.overdracht;

import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.hl7.fhir.r4.model.Patient;

/** The mother and children of one maternal record, as "Patient/id" references. */
record Family(String mother, Set<String> children) {

  static Family of(Patient mother, List<Patient> children) {
    return new Family("Patient/" + mother.getIdElement().getIdPart(),
        children.stream().map(c -> "Patient/" + c.getIdElement().getIdPart()).collect(Collectors.toSet()));
  }

  boolean matches(String about, String patientRef) {
    if (patientRef == null) {
      return false;
    }
    return switch (about) {
      case "mother" -> patientRef.equals(mother);
      case "child" -> children.contains(patientRef);
      case "family" -> patientRef.equals(mother) || children.contains(patientRef);
      default -> throw new IllegalArgumentException("Unknown 'about' in handover table: " + about);
    };
  }
}
