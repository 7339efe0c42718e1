package nl.geboorteketen.server.audit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ca.uhn.fhir.context.FhirContext;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.sql.Timestamp;
import javax.sql.DataSource;
import nl.geboorteketen.server.support.Fixtures;
import nl.geboorteketen.server.support.Http;
import nl.geboorteketen.server.support.TestServer;
import org.hl7.fhir.r4.model.AuditEvent;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.Organization;
import org.hl7.fhir.r4.model.Reference;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * The log keeps facts and builds the AuditEvent when it is read; rows written before that hold the
 * AuditEvent itself. Both are served. Tagged storage: the rows are SQL, so this runs on PostgreSQL too.
 */
@Tag("storage")
class AuditLogFormatsTest {

  private final Http admin = Http.shared();

  @Test
  void aRowThatHoldsTheAuditEventItselfIsServedAsStored() throws Exception {
    AuditEvent old = new AuditEvent();
    old.setType(new Coding("http://terminology.hl7.org/CodeSystem/audit-event-type", "rest", "Restful Operation"));
    old.addSubtype(new Coding("http://hl7.org/fhir/restful-interaction", "read", null));
    old.setAction(AuditEvent.AuditEventAction.R).setRecorded(new java.util.Date())
        .setOutcome(AuditEvent.AuditEventOutcome._0).setOutcomeDesc("stored before the facts form");
    old.addAgent().setRequestor(true).setName("verloskundige");
    old.getSource().setObserver(new Reference().setDisplay("Geboorteketen FHIR server"));
    old.addEntity().setWhat(new Reference("Organization/old-form-row"));
    long id;
    try (Connection c = TestServer.shared().bean(DataSource.class).getConnection();
        PreparedStatement row = c.prepareStatement("INSERT INTO GK_AUDIT_LOG (RECORDED, SUBTYPE, OUTCOME, BODY)"
            + " VALUES (?, 'read', '0', ?)", Statement.RETURN_GENERATED_KEYS)) {
      row.setTimestamp(1, new Timestamp(old.getRecorded().getTime()));
      row.setString(2, FhirContext.forR4Cached().newJsonParser().encodeResourceToString(old));
      row.executeUpdate();
      try (ResultSet keys = row.getGeneratedKeys()) {
        keys.next();
        id = keys.getLong(1);
      }
    }

    Http.Response read = admin.get("/fhir/AuditEvent/" + id);
    assertEquals(200, read.status(), read::toString);
    AuditEvent served = read.resource(AuditEvent.class);
    assertEquals("stored before the facts form", served.getOutcomeDesc());
    assertEquals("Organization/old-form-row", served.getEntityFirstRep().getWhat().getReference());
  }

  @Test
  void aNewAccessIsServedAsABalpAuditEventBuiltFromItsFacts() throws Exception {
    Organization org = Fixtures.example(Organization.class, "family-jansen-kraamzorg");
    org.setId((String) null);
    org.setName("Praktijk voor het auditlog");
    Http.Response created = admin.postJson("/fhir/Organization", org);
    assertEquals(201, created.status(), created::toString);
    String ref = "Organization/" + created.resource(Organization.class).getIdElement().getIdPart();
    assertEquals(200, admin.get("/fhir/" + ref).status());

    Bundle trail = admin.get("/fhir/AuditEvent?entity=" + ref + "&subtype=http://hl7.org/fhir/restful-interaction%7Cread")
        .resource(Bundle.class);
    assertEquals(1, trail.getEntry().size(), "the one read of it");
    AuditEvent event = (AuditEvent) trail.getEntryFirstRep().getResource();
    assertEquals("rest", event.getType().getCode());
    assertEquals(AuditEvent.AuditEventAction.R, event.getAction());
    assertEquals(AuditEvent.AuditEventOutcome._0, event.getOutcome());
    assertTrue(event.getAgent().stream().anyMatch(a -> a.getRequestor() && a.getWho().hasIdentifier()), "the user");
    assertTrue(event.getAgent().stream().anyMatch(a -> a.getNetwork().hasAddress()), "the client's address");
    assertEquals(ref, event.getEntityFirstRep().getWhat().getReference());
    assertTrue(event.getSource().hasSite(), "the server");

    try (Connection c = TestServer.shared().bean(DataSource.class).getConnection();
        PreparedStatement body = c.prepareStatement("SELECT BODY FROM GK_AUDIT_LOG WHERE ID = ?")) {
      body.setLong(1, Long.parseLong(event.getIdElement().getIdPart()));
      try (ResultSet rs = body.executeQuery()) {
        assertTrue(rs.next());
        assertFalse(rs.getString(1).contains("resourceType"), "the row holds the facts, not a FHIR resource");
      }
    }
  }
}
