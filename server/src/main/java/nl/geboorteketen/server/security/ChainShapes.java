package nl.geboorteketen.server.security;

import org.hl7.fhir.r4.model.EpisodeOfCare;
import org.hl7.fhir.r4.model.Extension;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.RelatedPerson;
import org.hl7.fhir.r4.model.Task;

/** How the chain's records are recognised: maternal records, family links, handover Tasks. */
public final class ChainShapes {

  static final String SNOMED = "http://snomed.info/sct";
  static final String MATERNAL_RECORD_TYPE = "364320009";
  static final String HANDOVER_TASK = "308292007";
  static final String V3_ROLE_CODE = "http://terminology.hl7.org/CodeSystem/v3-RoleCode";
  static final String RELATED_PATIENT_EXT = "https://fhir.geboorteketen.nl/StructureDefinition/ext-related-patient";

  private ChainShapes() {}

  public static boolean isMaternalRecord(EpisodeOfCare record) {
    return record.getType().stream().flatMap(t -> t.getCoding().stream())
        .anyMatch(c -> SNOMED.equals(c.getSystem()) && MATERNAL_RECORD_TYPE.equals(c.getCode()));
  }

  /** planned, waitlist, active or on hold: a practice manages it now. */
  static boolean isCurrent(EpisodeOfCare record) {
    return record.getStatus() != null && switch (record.getStatus()) {
      case PLANNED, WAITLIST, ACTIVE, ONHOLD -> true;
      default -> false;
    };
  }

  /**
   * A RelatedPerson that links a child (patient) to its mother's own Patient (gk-mother): the link
   * extension and relationship MTH, the two things that make the server validate it as gk-mother.
   */
  static boolean isFamilyLink(RelatedPerson person) {
    return person.hasExtension(RELATED_PATIENT_EXT) && person.getRelationship().stream()
        .flatMap(r -> r.getCoding().stream())
        .anyMatch(c -> V3_ROLE_CODE.equals(c.getSystem()) && "MTH".equals(c.getCode()));
  }

  /** The mother's Patient ("Patient/id") a family link points at, or null. */
  static String motherOf(RelatedPerson link) {
    for (Extension e : link.getExtensionsByUrl(RELATED_PATIENT_EXT)) {
      if (e.getValue() instanceof Reference r) {
        String ref = CareFacts.ref(r);
        if (ref != null && ref.startsWith("Patient/")) {
          return ref;
        }
      }
    }
    return null;
  }

  static boolean isHandoverTask(Task task) {
    return task.getCode().getCoding().stream()
        .anyMatch(c -> SNOMED.equals(c.getSystem()) && HANDOVER_TASK.equals(c.getCode()));
  }
}
