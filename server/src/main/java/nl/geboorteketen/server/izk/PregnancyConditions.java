package nl.geboorteketen.server.izk;

import ca.uhn.fhir.context.FhirContext;
import jakarta.servlet.ServletException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import nl.geboorteketen.mappings.izk.Pregnancies;
import nl.geboorteketen.mappings.izk.PregnancyMembers;
import nl.geboorteketen.mappings.izk.Stu3Search;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.Condition;
import org.hl7.fhir.r4.model.Resource;

/**
 * IZK Condition reads and searches, and Observation reads: in the IZK a pregnancy is a Condition, ours
 * is an Observation, and its members point at it. Each R4 request is made as the caller (checked and
 * audited on its own); the pregnancies found come back as Conditions. For a Condition, an error from
 * either R4 request is the answer.
 */
final class PregnancyConditions {

  /** A GET on the R4 endpoint as the caller, its answer held back. */
  interface R4Get {
    CapturedResponse get(String path, Map<String, List<String>> params) throws IOException, ServletException;
  }

  private static final FhirContext R4 = FhirContext.forR4Cached();

  private final Pregnancies pregnancies;

  PregnancyConditions(Pregnancies pregnancies) {
    this.pregnancies = pregnancies;
  }

  /** The Conditions, and the pregnancies merged into them when the view parses that answer. */
  AdjustedAnswer search(R4Get r4, Stu3Search.R4Search conditions) throws IOException, ServletException {
    CapturedResponse found = r4.get("/Condition", conditions.parameters());
    if (found.status() != 200) {
      return AdjustedAnswer.asIs(found);
    }
    CapturedResponse pregnant = r4.get("/Observation", pregnancies.observationSearch(conditions).parameters());
    if (pregnant.status() != 200) {
      return AdjustedAnswer.asIs(pregnant);
    }
    Bundle pregnancyObservations = (Bundle) parse(pregnant);
    return new AdjustedAnswer(found, answer -> pregnancies.merge((Bundle) answer, pregnancyObservations, conditions));
  }

  /**
   * A Condition the caller may read, or else a pregnancy of ours with that id, or else the Condition's
   * own answer. Not only on 404: a Condition someone stored in another family under her pregnancy's
   * id (a client may choose ids per type) must not hide her pregnancy from her.
   */
  CapturedResponse read(R4Get r4, String id) throws IOException, ServletException {
    CapturedResponse condition = r4.get("/Condition/" + id, Map.of());
    if (condition.status() == 200) {
      return condition;
    }
    CapturedResponse observation = r4.get("/Observation/" + id, Map.of());
    if (observation.status() != 200) {
      return condition;
    }
    Optional<Condition> pregnancy = pregnancies.asCondition(parse(observation));
    if (pregnancy.isEmpty()) {
      return condition;
    }
    observation.replaceBody(encode(pregnancy.get()));
    String location = observation.header("Content-Location");
    if (location != null) {
      observation.setHeader("Content-Location", location.replace("/Observation/" + id, "/Condition/" + id));
    }
    return observation;
  }

  /**
   * An Observation read by id: a pregnancy's member points at its pregnancy, as in a search. The
   * pregnancy is searched for as the caller (so one she may not read adds nothing); without it, or
   * when that search fails, the record is shown as read.
   */
  AdjustedAnswer memberRead(R4Get r4, PregnancyMembers members, String id) throws IOException, ServletException {
    CapturedResponse read = r4.get("/Observation/" + id, Map.of());
    if (read.status() != 200 || pregnancies.isPregnancy(parse(read))) {
      return AdjustedAnswer.asIs(read);
    }
    CapturedResponse pregnancy = r4.get("/Observation", members.pregnancyOf(id).parameters());
    if (pregnancy.status() != 200) {
      return AdjustedAnswer.asIs(read);
    }
    Resource found = parse(pregnancy);
    return new AdjustedAnswer(read, answer -> members.linkMember(answer, found));
  }

  private static Resource parse(CapturedResponse answer) {
    return (Resource) R4.newJsonParser().parseResource(new String(answer.body(), StandardCharsets.UTF_8));
  }

  private static byte[] encode(Resource resource) {
    return R4.newJsonParser().encodeResourceToString(resource).getBytes(StandardCharsets.UTF_8);
  }
}
