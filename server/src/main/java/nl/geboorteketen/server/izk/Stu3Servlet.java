package nl.geboorteketen.server.izk;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.parser.DataFormatException;
import ca.uhn.fhir.parser.IParser;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.BiFunction;
import java.util.function.Function;
import nl.geboorteketen.mappings.RuleInputException;
import nl.geboorteketen.mappings.izk.Displays;
import nl.geboorteketen.mappings.izk.IzkView;
import nl.geboorteketen.mappings.izk.Pregnancies;
import nl.geboorteketen.mappings.izk.PregnancyMembers;
import nl.geboorteketen.mappings.izk.Stu3Search;
import org.hl7.fhir.exceptions.FHIRException;
import org.hl7.fhir.r4.model.IdType;

/**
 * The MedMij IZK endpoint (/fhir/stu3): each request is made into the same request to our R4 endpoint
 * and run there, so the token, care relationships, consent, the PGO's narrowing and the audit log are
 * the R4 endpoint's own; the answer is made into the IZK's STU3 shapes on the way out.
 */
public final class Stu3Servlet extends HttpServlet {

  private static final int ALL_ON_ONE_PAGE = 500;
  private static final int LOOKUP_CHUNK = 100;
  private static final Set<String> R4_TYPES = FhirContext.forR4Cached().getResourceTypes();

  private final HttpServlet r4;
  private final IzkView view;
  private final Stu3Search search;
  private final Stu3Answers answers;
  private final PregnancyMembers members;
  private final PregnancyConditions pregnancyConditions;
  private final String publicBaseUrl;

  public Stu3Servlet(HttpServlet r4, IzkView view, BiFunction<String, String, Optional<String>> codeDisplays,
      Function<org.hl7.fhir.r4.model.Resource, Optional<String>> ourProfile, String publicBaseUrl) {
    this.r4 = r4;
    this.view = view;
    this.search = new Stu3Search(view.table());
    this.answers = new Stu3Answers(view, codeDisplays, ourProfile);
    Pregnancies pregnancies = new Pregnancies(view.table());
    this.members = new PregnancyMembers(pregnancies);
    this.pregnancyConditions = new PregnancyConditions(pregnancies);
    this.publicBaseUrl = publicBaseUrl == null ? "" : publicBaseUrl.replaceAll("/+$", "");
  }

  @Override
  protected void service(HttpServletRequest req, HttpServletResponse resp) throws IOException {
    Stu3Answers.Format format = Stu3Answers.Format.of(req);
    String r4Base = r4Base(req);
    try {
      handle(req, resp, format, r4Base);
    } catch (RuleInputException e) {
      answers.outcome(resp, format, e.status(), "not-supported", e.getMessage(), e.problems().get(0).parameter());
    } catch (DataFormatException | FHIRException | ClassCastException e) {
      answers.outcome(resp, format, 400, "structure", "Het STU3-bericht is niet te lezen als FHIR STU3: "
          + e.getMessage(), null);
    } catch (ServletException e) {
      answers.outcome(resp, format, 500, "exception", "De aanvraag kon niet worden verwerkt.", null);
    }
  }

  private void handle(HttpServletRequest req, HttpServletResponse resp, Stu3Answers.Format format, String r4Base)
      throws IOException, ServletException {
    String path = req.getPathInfo() == null ? "" : req.getPathInfo();
    List<String> segments = Arrays.stream(path.split("/")).filter(s -> !s.isEmpty()).toList();
    String method = req.getMethod();
    Map<String, List<String>> params = parameters(req);
    if (segments.equals(List.of("metadata")) && method.equals("GET")) {
      answers.write(resp, format, 200, Stu3Capabilities.of(view.table(), r4Base + "/stu3"));
      return;
    }
    if (segments.isEmpty() && method.equals("GET") && params.containsKey("_getpages")) {
      params.remove("_format");
      forward(req, resp, format, r4Base, "GET", "", params, null);
      return;
    }
    if (segments.isEmpty() || segments.size() > 2 || !view.table().serves(segments.get(0))) {
      answers.outcome(resp, format, 404, "not-supported", "Het IZK-koppelvlak (STU3) kent " + path
          + " niet. Zoek of lees een van: " + String.join(", ", view.table().searchParameters().keySet())
          + "; of vraag /metadata.", null);
      return;
    }
    String type = segments.get(0);
    String r4Type = view.table().r4Type(type);
    String id = segments.size() == 2 ? segments.get(1) : null;
    // HAPI's own id grammar; "." and ".." fit it but would climb the path
    if (id != null && (!new IdType(r4Type, id).isIdPartValid() || id.matches("\\.{1,2}"))) {
      answers.outcome(resp, format, 400, "value", "'" + (id.length() > 70 ? id.substring(0, 70) + "…" : id)
          + "' is geen FHIR-id (1 tot 64 tekens: letters, cijfers, '-' en '.').", type + ".id");
      return;
    }
    PregnancyConditions.R4Get asCaller = (r4Path, r4Params) -> run(req, resp, "GET", r4Path, r4Params, null);
    switch (method + (id == null ? " type" : " instance")) {
      case "GET type" -> {
        Stu3Search.R4Search s = allOnOnePage(search.translate(type, params));
        if (type.equals("Condition")) {
          relay(req, resp, format, r4Base, pregnancyConditions.search(asCaller, s));
        } else if (type.equals("Observation")) {
          s = members.withoutPregnancies(s);
          relay(req, resp, format, r4Base,
              new AdjustedAnswer(asCaller.get("/Observation", s.parameters()), members::linkMembers));
        } else {
          relay(req, resp, format, r4Base, AdjustedAnswer.asIs(
              run(req, resp, "GET", "/" + s.type(), s.parameters(), null, view.table().womanOnly(type))));
        }
      }
      case "GET instance" -> {
        if (type.equals("Condition")) {
          relay(req, resp, format, r4Base, AdjustedAnswer.asIs(pregnancyConditions.read(asCaller, id)));
        } else if (type.equals("Observation")) {
          relay(req, resp, format, r4Base, pregnancyConditions.memberRead(asCaller, members, id));
        } else {
          forward(req, resp, format, r4Base, "GET", "/" + r4Type + "/" + id, Map.of(), null);
        }
      }
      case "POST type" -> forward(req, resp, format, r4Base, "POST", "/" + r4Type, Map.of(), r4Body(req, type, null));
      case "PUT instance" -> forward(req, resp, format, r4Base, "PUT", "/" + r4Type + "/" + id, Map.of(), r4Body(req, type, id));
      default -> answers.outcome(resp, format, 405, "not-supported", "Het IZK-koppelvlak (STU3) ondersteunt " + method
          + " hier niet: alleen lezen en zoeken (GET), aanmaken (POST op het type) en bijwerken (PUT op een id).", null);
    }
  }

  private void forward(HttpServletRequest req, HttpServletResponse resp, Stu3Answers.Format format, String r4Base,
      String method, String r4Path, Map<String, List<String>> r4Params, byte[] body) throws IOException, ServletException {
    relay(req, resp, format, r4Base, AdjustedAnswer.asIs(run(req, resp, method, r4Path, r4Params, body)));
  }

  private CapturedResponse run(HttpServletRequest req, HttpServletResponse resp, String method, String r4Path,
      Map<String, List<String>> r4Params, byte[] body) throws IOException, ServletException {
    return run(req, resp, method, r4Path, r4Params, body, false);
  }

  private CapturedResponse run(HttpServletRequest req, HttpServletResponse resp, String method, String r4Path,
      Map<String, List<String>> r4Params, byte[] body, boolean herOwn) throws IOException, ServletException {
    CapturedResponse captured = new CapturedResponse(resp);
    r4.service(new ForwardedRequest(req, method, r4Path, r4Params, body, herOwn), captured);
    return captured;
  }

  private void relay(HttpServletRequest req, HttpServletResponse resp, Stu3Answers.Format format, String r4Base,
      AdjustedAnswer answer) throws IOException {
    answers.relay(req, resp, format, answer.r4(), r4Base, answer.adjust(), targets -> recordsOf(req, resp, targets));
  }

  private static Stu3Search.R4Search allOnOnePage(Stu3Search.R4Search s) {
    Map<String, List<String>> r4Params = new LinkedHashMap<>(s.parameters());
    r4Params.putIfAbsent("_count", List.of(String.valueOf(ALL_ON_ONE_PAGE)));
    return new Stu3Search.R4Search(s.type(), r4Params);
  }

  /**
   * Referenced records ("Type/id"), searched as the caller through the R4 endpoint: one search per
   * type, and what the caller may not read is not found.
   */
  private Map<String, org.hl7.fhir.r4.model.Resource> recordsOf(HttpServletRequest req, HttpServletResponse resp,
      Set<String> targets) {
    Map<String, org.hl7.fhir.r4.model.Resource> out = new HashMap<>();
    Displays.byType(targets).forEach((type, ids) -> {
      if (!R4_TYPES.contains(type)) {
        return;
      }
      List<String> all = new ArrayList<>(ids);
      for (int from = 0; from < all.size(); from += LOOKUP_CHUNK) {
        List<String> chunk = all.subList(from, Math.min(all.size(), from + LOOKUP_CHUNK));
        Map<String, List<String>> params = new LinkedHashMap<>();
        params.put("_id", List.of(String.join(",", chunk)));
        params.put("_count", List.of(String.valueOf(LOOKUP_CHUNK)));
        if ("PractitionerRole".equals(type)) {
          // the view names the practitioner behind a role: it comes in the same search, not a second one
          params.put("_include", List.of("PractitionerRole:practitioner"));
        }
        CapturedResponse captured;
        try {
          captured = run(req, resp, "GET", "/" + type, params, null);
        } catch (ServletException | IOException e) {
          return;
        }
        if (captured.status() == 200) {
          org.hl7.fhir.r4.model.Bundle found = FhirContext.forR4Cached().newJsonParser().parseResource(
              org.hl7.fhir.r4.model.Bundle.class, new String(captured.body(), StandardCharsets.UTF_8));
          found.getEntry().stream().map(e -> e.getResource())
              .filter(r -> r != null && !(r instanceof org.hl7.fhir.r4.model.OperationOutcome))
              .forEach(r -> out.put(r.fhirType() + "/" + r.getIdElement().getIdPart(), r));
        }
      }
    });
    return out;
  }

  /** The STU3 body, parsed strictly, checked against the URL, as the R4 record to store. */
  private byte[] r4Body(HttpServletRequest req, String type, String id) throws IOException {
    String contentType = req.getContentType() == null ? "" : req.getContentType();
    IParser parser = contentType.contains("xml") ? Stu3Answers.STU3.newXmlParser() : Stu3Answers.STU3.newJsonParser();
    parser.setParserErrorHandler(new ca.uhn.fhir.parser.StrictErrorHandler());
    String text = new String(req.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    org.hl7.fhir.dstu3.model.Resource stu3 = (org.hl7.fhir.dstu3.model.Resource) parser.parseResource(text);
    if (!stu3.fhirType().equals(type)) {
      throw new RuleInputException(400, List.of(new RuleInputException.Problem("resourceType",
          "Het bericht is een " + stu3.fhirType() + ", de URL zegt " + type + ".")));
    }
    if (id != null && (!stu3.hasIdElement() || !id.equals(stu3.getIdElement().getIdPart()))) {
      throw new RuleInputException(400, List.of(new RuleInputException.Problem(type + ".id",
          "Bij PUT moet " + type + ".id gelijk zijn aan het id in de URL (" + id + ").")));
    }
    return FhirContext.forR4Cached().newJsonParser().encodeResourceToString(view.toR4(stu3)).getBytes(StandardCharsets.UTF_8);
  }

  private String r4Base(HttpServletRequest req) {
    if (!publicBaseUrl.isEmpty()) {
      return publicBaseUrl;
    }
    String url = req.getRequestURL().toString();
    return url.substring(0, url.length() - req.getRequestURI().length()) + req.getContextPath() + "/fhir";
  }

  private static Map<String, List<String>> parameters(HttpServletRequest req) {
    Map<String, List<String>> out = new LinkedHashMap<>();
    req.getParameterMap().forEach((k, v) -> out.put(k, new ArrayList<>(Arrays.asList(v))));
    return out;
  }
}
