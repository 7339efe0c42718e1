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

  /** A transaction storing two organisations with the client ids {@code key}-a and {@code key}-b. */
  static Bundle pairTransactionWithIds(String key) {
    Bundle tx = new Bundle().setType(Bundle.BundleType.TRANSACTION);
    for (String half : new String[] {"a", "b"}) {
      Organization org = organization(key + "-" + half, "Paar " + key);
      org.setId(key + "-" + half);
      tx.addEntry().setResource(org).getRequest().setMethod(Bundle.HTTPVerb.PUT).setUrl("Organization/" + key + "-" + half);
    }
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
