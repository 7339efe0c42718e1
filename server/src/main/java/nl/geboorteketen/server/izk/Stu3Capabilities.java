package nl.geboorteketen.server.izk;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.context.RuntimeSearchParam;
import java.util.Date;
import nl.geboorteketen.mappings.izk.IzkTable;
import org.hl7.fhir.dstu3.model.CapabilityStatement;
import org.hl7.fhir.dstu3.model.CapabilityStatement.CapabilityStatementRestComponent;
import org.hl7.fhir.dstu3.model.CapabilityStatement.CapabilityStatementRestResourceComponent;
import org.hl7.fhir.dstu3.model.CapabilityStatement.TypeRestfulInteraction;
import org.hl7.fhir.dstu3.model.CodeableConcept;
import org.hl7.fhir.dstu3.model.Enumerations.SearchParamType;

/** The STU3 endpoint's own CapabilityStatement, from the IZK table: what a PGO app may ask, nothing more. */
final class Stu3Capabilities {

  private static final FhirContext STU3 = FhirContext.forDstu3Cached();

  private Stu3Capabilities() {}

  static CapabilityStatement of(IzkTable table, String stu3Base) {
    CapabilityStatement cs = new CapabilityStatement();
    cs.setStatus(org.hl7.fhir.dstu3.model.Enumerations.PublicationStatus.ACTIVE);
    cs.setDate(new Date());
    cs.setKind(CapabilityStatement.CapabilityStatementKind.INSTANCE);
    cs.setFhirVersion("3.0.2");
    cs.setAcceptUnknown(CapabilityStatement.UnknownContentCode.NO);
    cs.addFormat("json").addFormat("xml");
    cs.getSoftware().setName("Geboorteketen — MedMij Integrale Zwangerschapskaart (STU3 view)");
    cs.getImplementation().setDescription("De IZK-vorm (STU3) van dezelfde gegevens als het R4-eindpunt; "
        + "dezelfde zorgrelaties, toestemming en logging.").setUrl(stu3Base);
    CapabilityStatementRestComponent rest = cs.addRest().setMode(CapabilityStatement.RestfulCapabilityMode.SERVER);
    rest.getSecurity().addService(new CodeableConcept().addCoding(new org.hl7.fhir.dstu3.model.Coding(
        "http://hl7.org/fhir/restful-security-service", "SMART-on-FHIR", "SMART-on-FHIR")))
        .setDescription("Bearer JWT. Een PGO-token (gk_bsn) ziet alleen het eigen dossier en dat van haar kinderen, "
            + "zolang haar pgo-delen-toestemming geldt; zoekvragen hebben geen patient-parameter nodig.");
    table.searchParameters().forEach((type, params) -> {
      CapabilityStatementRestResourceComponent r = rest.addResource().setType(type);
      r.addInteraction().setCode(TypeRestfulInteraction.READ);
      r.addInteraction().setCode(TypeRestfulInteraction.SEARCHTYPE);
      r.addInteraction().setCode(TypeRestfulInteraction.CREATE);
      r.addInteraction().setCode(TypeRestfulInteraction.UPDATE);
      params.keySet().forEach(name -> r.addSearchParam().setName(name).setType(typeOf(type, name)));
      table.includes().keySet().stream().filter(i -> i.startsWith(type + ":")).forEach(r::addSearchInclude);
    });
    return cs;
  }

  /** The parameter's type as STU3 itself defines it (a chained or modified name by its base). */
  private static SearchParamType typeOf(String type, String name) {
    String base = name.contains(":") ? name.substring(0, name.indexOf(':')) : name;
    RuntimeSearchParam sp = STU3.getResourceDefinition(type).getSearchParam(base);
    return sp == null ? SearchParamType.TOKEN : SearchParamType.fromCode(sp.getParamType().getCode());
  }
}
