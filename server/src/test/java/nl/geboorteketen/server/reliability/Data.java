package nl.geboorteketen.server.reliability;

import nl.geboorteketen.server.support.Fixtures;
import nl.geboorteketen.server.support.Http;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.Organization;
import org.hl7.fhir.r4.model.Patient;

/** Small valid resources for load and race tests, each with its own identifier. */
final class Data {

  static final String AGB = "http://fhir.nl/fhir/NamingSystem/agb-z";
  static final String BSN = "http://fhir.nl/fhir/NamingSystem/bsn";

  private Data() {}

  static Organization organization(String agb, String name) {
    Organization org = new Organization().setName(name);
    org.addIdentifier().setSystem(AGB).setValue(agb);
    org.addType().addCoding().setSystem("http://nictiz.nl/fhir/NamingSystem/organization-type").setCode("G3");
    return org;
  }

  static String json(org.hl7.fhir.instance.model.api.IBaseResource r) {
    return Http.FHIR.newJsonParser().encodeResourceToString(r);
  }

  /**
   * A transaction as a midwife sends it when she registers a new client: the woman (client id
   * {@code key}-a) and the maternal record her practice opens for her ({@code key}-b).
   */
  static Bundle clientTransactionWithIds(String key, String practice) {
    Patient woman = patient(randomBsn());
    woman.setId(key + "-a");
    org.hl7.fhir.r4.model.EpisodeOfCare record = Fixtures.example(org.hl7.fhir.r4.model.EpisodeOfCare.class,
        "family-jansen-zwangerschap");
    record.setId(key + "-b");
    record.getIdentifier().clear();
    record.setPatient(new org.hl7.fhir.r4.model.Reference("Patient/" + key + "-a"))
        .setManagingOrganization(new org.hl7.fhir.r4.model.Reference(practice));
    Bundle tx = new Bundle().setType(Bundle.BundleType.TRANSACTION);
    tx.addEntry().setResource(woman).getRequest().setMethod(Bundle.HTTPVerb.PUT).setUrl("Patient/" + key + "-a");
    tx.addEntry().setResource(record).getRequest().setMethod(Bundle.HTTPVerb.PUT).setUrl("EpisodeOfCare/" + key + "-b");
    return tx;
  }

  /** The example mother as a new Patient with the given BSN. */
  static Patient patient(String bsn) {
    Patient p = Fixtures.example(Patient.class, "family-jansen-anna");
    p.setId((String) null);
    p.getIdentifier().stream().filter(i -> BSN.equals(i.getSystem())).forEach(i -> i.setValue(bsn));
    return p;
  }

  static String randomBsn() {
    return Fixtures.randomBsn();
  }
}
