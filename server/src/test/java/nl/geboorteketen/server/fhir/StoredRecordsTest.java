package nl.geboorteketen.server.fhir;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ca.uhn.fhir.jpa.api.dao.DaoRegistry;
import ca.uhn.fhir.jpa.api.dao.IFhirResourceDao;
import ca.uhn.fhir.rest.api.server.SystemRequestDetails;
import java.util.List;
import nl.geboorteketen.server.GeboorteketenServer;
import nl.geboorteketen.server.support.Fixtures;
import nl.geboorteketen.server.support.TestServer;
import org.hl7.fhir.r4.model.CanonicalType;
import org.hl7.fhir.r4.model.IdType;
import org.hl7.fhir.r4.model.Meta;
import org.hl7.fhir.r4.model.Organization;
import org.hl7.fhir.r4.model.Resource;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * A record read for the write checks is the record as stored now, however often it was read before.
 * On PostgreSQL too: the version is read with SQL of our own.
 */
@Tag("storage")
class StoredRecordsTest {

  private static final String MARKER = "https://fhir.geboorteketen.nl/test/StructureDefinition/marker";

  private static StoredRecords stored;
  private static IFhirResourceDao<Organization> organisations;
  private String ref;

  @BeforeAll
  static void server() {
    GeboorteketenServer server = TestServer.shared();
    stored = server.bean(StoredRecords.class);
    organisations = server.bean(DaoRegistry.class).getResourceDao(Organization.class);
  }

  @BeforeEach
  void anOrganisationReadOnce() {
    Organization org = Fixtures.example(Organization.class, "family-jansen-jgz");
    org.setId((String) null);
    org.setName("Eerste naam");
    ref = organisations.create(org, new SystemRequestDetails()).getId().toUnqualifiedVersionless().getValue();
    assertEquals("Eerste naam", name(stored.read(ref).orElseThrow()));
  }

  @Test
  void anUpdateIsSeenAtOnce() {
    Organization org = (Organization) stored.read(ref).orElseThrow();
    org.setName("Tweede naam");
    organisations.update(org, new SystemRequestDetails());
    assertEquals("Tweede naam", name(stored.read(ref).orElseThrow()));
  }

  @Test
  void aProfileAddedOrRemovedInPlaceIsSeen() {
    IdType id = new IdType(ref);
    Meta marker = new Meta().addProfile(MARKER);
    organisations.metaAddOperation(id, marker, new SystemRequestDetails());
    assertTrue(profiles(stored.read(ref).orElseThrow()).contains(MARKER), "added by $meta-add");
    organisations.metaDeleteOperation(id, marker, new SystemRequestDetails());
    assertFalse(profiles(stored.read(ref).orElseThrow()).contains(MARKER), "removed by $meta-delete");
  }

  @Test
  void aDeletedRecordIsGone() {
    organisations.delete(new IdType(ref), new SystemRequestDetails());
    assertTrue(stored.read(ref).isEmpty());
  }

  @Test
  void changingAnAnswerChangesNoOtherAnswer() {
    ((Organization) stored.read(ref).orElseThrow()).setName("Veranderd door wie las");
    assertEquals("Eerste naam", name(stored.read(ref).orElseThrow()));
  }

  @Test
  void aRecordThatWasNeverStoredIsEmpty() {
    assertTrue(stored.read("Organization/bestaat-niet-" + System.nanoTime()).isEmpty());
  }

  private static String name(Resource r) {
    return ((Organization) r).getName();
  }

  private static List<String> profiles(Resource r) {
    return r.getMeta().getProfile().stream().map(CanonicalType::getValue).toList();
  }
}
