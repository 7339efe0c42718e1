package nl.geboorteketen.server.family;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.nimbusds.jwt.JWTClaimsSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import nl.geboorteketen.server.support.Fixtures;
import nl.geboorteketen.server.support.Http;
import nl.geboorteketen.server.support.TestTokens;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.IdType;
import org.hl7.fhir.r4.model.Identifier;
import org.hl7.fhir.r4.model.Patient;
import org.hl7.fhir.r4.model.Resource;

/**
 * A fresh copy of the Jansen family (package examples), stored by the beheerder: its midwife
 * practice manages the maternal record and its care team opens the family to its kraamzorg and
 * JGZ; the mother agreed to share with her PGO. Another copy is a stranger to it.
 */
final class StoredFamily {

  final Map<String, String> ids;
  final String motherBsn;
  /** The subject in this family's midwife tokens, to find her accesses in the audit log. */
  final String midwifeSubject = "family-test-" + UUID.randomUUID();

  StoredFamily() {
    ids = Fixtures.storeNewFamily();
    Patient mother = Http.shared().get("/fhir/" + mother()).resource(Patient.class);
    motherBsn = mother.getIdentifier().stream().filter(i -> Fixtures.BSN_SYSTEM.equals(i.getSystem()))
        .map(Identifier::getValue).findFirst().orElseThrow();
  }

  String id(String example) {
    return ids.get(example);
  }

  String mother() { return id("Patient/family-jansen-anna"); }
  String child() { return id("Patient/family-jansen-daan"); }
  String record() { return id("EpisodeOfCare/family-jansen-zwangerschap"); }
  String midwifePractice() { return id("Organization/family-jansen-verloskundigenpraktijk"); }

  Http midwife() {
    return Http.shared().withToken(TestTokens.sign(new JWTClaimsSet.Builder().subject(midwifeSubject)
        .claim("client_id", "family-test-ehr").claim("gk_role", "verloskundige").claim("gk_org", midwifePractice())
        .claim("scope", "system/*.cruds")));
  }

  Http kraamzorg() {
    return Http.shared().withToken(TestTokens.partner("kraamzorg", id("Organization/family-jansen-kraamzorg")));
  }

  Http pgo() {
    return Http.shared().withToken(TestTokens.pgo(motherBsn));
  }

  /** Stores a resource as the beheerder; returns "Type/id". */
  static String create(Resource r) {
    Http.Response response = Http.shared().postJson("/fhir/" + r.fhirType(), r);
    assertEquals(201, response.status(), response::toString);
    return new IdType(response.header("Location")).toUnqualifiedVersionless().getValue();
  }

  /** Every resource of a 200 Bundle answer as "Type/id"; fails on any other answer. */
  static Set<String> refs(Http.Response response) {
    assertEquals(200, response.status(), response::toString);
    Set<String> refs = new LinkedHashSet<>();
    for (Bundle.BundleEntryComponent e : response.resource(Bundle.class).getEntry()) {
      refs.add(e.getResource().fhirType() + "/" + e.getResource().getIdElement().getIdPart());
    }
    return refs;
  }

  /** The stored ids of these package examples. */
  Set<String> stored(List<String> examples) {
    Set<String> out = new LinkedHashSet<>();
    examples.forEach(e -> out.add(id(e)));
    return out;
  }
}
