package nl.geboorteketen.mappings.izk;

import org.hl7.fhir.convertors.factory.VersionConvertorFactory_30_40;

/**
 * Where HL7's convertor loses or adds something the IZK records carry, measured on Nictiz's reference
 * families: STU3 BodySite.code (the fetus) has no place in its R4 BodyStructure, and every STU3
 * Procedure gets notDone=false written in.
 */
final class ConvertorGaps {

  private ConvertorGaps() {}

  static void afterToR4(org.hl7.fhir.dstu3.model.Resource in, org.hl7.fhir.r4.model.Resource out) {
    if (in instanceof org.hl7.fhir.dstu3.model.BodySite site && site.hasCode()
        && out instanceof org.hl7.fhir.r4.model.BodyStructure structure && !structure.hasLocation()) {
      structure.setLocation((org.hl7.fhir.r4.model.CodeableConcept) VersionConvertorFactory_30_40.convertType(site.getCode()));
    }
  }

  static void afterToStu3(org.hl7.fhir.r4.model.Resource in, org.hl7.fhir.dstu3.model.Resource out) {
    if (in instanceof org.hl7.fhir.r4.model.BodyStructure structure && structure.hasLocation()
        && out instanceof org.hl7.fhir.dstu3.model.BodySite site && !site.hasCode()) {
      site.setCode((org.hl7.fhir.dstu3.model.CodeableConcept) VersionConvertorFactory_30_40.convertType(structure.getLocation()));
    }
    if (out instanceof org.hl7.fhir.dstu3.model.Procedure procedure && procedure.hasNotDone() && !procedure.getNotDone()) {
      procedure.setNotDoneElement(null);
    }
  }
}
