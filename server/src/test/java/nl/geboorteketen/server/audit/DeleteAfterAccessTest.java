package nl.geboorteketen.server.audit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import nl.geboorteketen.server.support.Fixtures;
import nl.geboorteketen.server.support.Http;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.Organization;
import org.hl7.fhir.r4.model.Reference;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * The audit log names what was read; that must not make a resource undeletable, nor hide real
 * references. Tagged storage: the check for other referrers is SQL, so it runs on PostgreSQL too.
 */
@Tag("storage")
class DeleteAfterAccessTest {

  private final Http admin = Http.shared();

  @Test
  void aResourceThatWasReadCanBeDeletedAndItsAuditTrailStays() {
    String id = create(organization("Opgeheven praktijk"));
    assertEquals(200, admin.get("/fhir/" + id).status());
    assertEquals(200, admin.get("/fhir/AuditEvent?entity=" + id).status());

    Http.Response deleted = admin.delete("/fhir/" + id);
    assertEquals(200, deleted.status(), deleted::toString);
    assertEquals(410, admin.get("/fhir/" + id).status());
    Bundle trail = admin.get("/fhir/AuditEvent?entity=" + id).resource(Bundle.class);
    assertTrue(trail.getEntry().size() >= 2, "the reads before the delete stay in the log");

    // its history still lists the versions of the deleted resource: that read is audited too
    Http.Response history = admin.get("/fhir/" + id + "/_history");
    assertEquals(200, history.status(), history::toString);
    Bundle read = admin.get("/fhir/AuditEvent?subtype=http://hl7.org/fhir/restful-interaction%7Chistory-instance"
        + "&_sort=-date&_count=1").resource(Bundle.class);
    assertTrue(((org.hl7.fhir.r4.model.AuditEvent) read.getEntryFirstRep().getResource()).getEntity().stream()
        .anyMatch(e -> id.equals(e.getWhat().getReference()) || id.equals(e.getWhat().getDisplay())),
        "names the deleted resource");
  }

  @Test
  void anotherResourceReferringStillBlocksTheDelete() {
    String parent = create(organization("Moederorganisatie"));
    admin.get("/fhir/" + parent);
    Organization child = organization("Vestiging");
    child.setPartOf(new Reference(parent));
    String branch = create(child);
    admin.get("/fhir/" + branch);

    Http.Response refused = admin.delete("/fhir/" + parent);
    assertEquals(409, refused.status(), refused::toString);
    assertTrue(refused.body().contains(branch) && refused.body().contains("Organization.partOf"), refused::toString);
    assertEquals(200, admin.get("/fhir/" + parent).status(), "still there");

    assertEquals(200, admin.delete("/fhir/" + branch).status());
    assertEquals(200, admin.delete("/fhir/" + parent).status(), "free once the branch is gone");
  }

  private static Organization organization(String name) {
    Organization org = Fixtures.example(Organization.class, "family-jansen-kraamzorg");
    org.setId((String) null);
    return org.setName(name);
  }

  private String create(Organization org) {
    Http.Response r = admin.postJson("/fhir/Organization", org);
    assertEquals(201, r.status(), r::toString);
    return "Organization/" + r.resource(Organization.class).getIdElement().getIdPart();
  }
}
