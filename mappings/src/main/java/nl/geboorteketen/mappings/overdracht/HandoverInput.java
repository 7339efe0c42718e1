package nl.geboorteketen.mappings.overdracht;

import java.time.Instant;
import java.util.List;
import org.hl7.fhir.r4.model.EpisodeOfCare;
import org.hl7.fhir.r4.model.Organization;
import org.hl7.fhir.r4.model.Patient;
import org.hl7.fhir.r4.model.Resource;

/**
 * Everything a handover document is built from: the family, the two organisations and the stored
 * records of the maternal record (already read; the builder selects from them and reads nothing).
 *
 * @param baseUrl the server base, for the document's absolute fullUrls
 * @param documentId a fresh uuid, for the Bundle and Composition identifiers
 * @param replaces the Composition identifier of the document this one corrects, or null
 */
public record HandoverInput(
    String typeCode,
    EpisodeOfCare maternalRecord,
    Patient mother,
    List<Patient> children,
    Organization sender,
    Organization receiver,
    List<Resource> records,
    String baseUrl,
    String documentId,
    Instant now,
    String replaces) {}
