package nl.geboorteketen.server.izk;

import ca.uhn.fhir.context.FhirContext;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.BiFunction;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.Locale;
import nl.geboorteketen.mappings.izk.Displays;
import nl.geboorteketen.mappings.izk.IzkView;
import org.hl7.fhir.dstu3.model.Bundle;
import org.hl7.fhir.dstu3.model.OperationOutcome;
import org.hl7.fhir.dstu3.model.Resource;

/** What the IZK client gets back: the R4 answer in STU3 shapes, links and fullUrls on the STU3 base, JSON or XML. */
final class Stu3Answers {

  static final FhirContext STU3 = FhirContext.forDstu3Cached();
  private static final FhirContext R4 = FhirContext.forR4Cached();
  private static final List<String> RELAYED_HEADERS =
      List.of("ETag", "Last-Modified", "X-Correlation-ID", "X-Request-ID", "WWW-Authenticate", "Retry-After");

  enum Format {
    JSON, XML;

    /** {@code _format} first, then Accept; JSON unless XML is asked for. */
    static Format of(HttpServletRequest req) {
      String asked = req.getParameter("_format") != null ? req.getParameter("_format") : req.getHeader("Accept");
      return asked != null && asked.toLowerCase(Locale.ROOT).contains("xml") ? XML : JSON;
    }
  }

  private final IzkView view;
  private final BiFunction<String, String, Optional<String>> codeDisplays;
  private final Function<org.hl7.fhir.r4.model.Resource, Optional<String>> ourProfile;

  /** {@code ourProfile}: the profile of ours a record is validated against, claimed or not. */
  Stu3Answers(IzkView view, BiFunction<String, String, Optional<String>> codeDisplays,
      Function<org.hl7.fhir.r4.model.Resource, Optional<String>> ourProfile) {
    this.view = view;
    this.codeDisplays = codeDisplays;
    this.ourProfile = ourProfile;
  }

  /**
   * Writes the R4 answer in STU3 shapes; {@code adjust} gets it first, still in R4 (not an
   * OperationOutcome: that is shown as it is), and {@code lookup} finds what its references name.
   */
  void relay(HttpServletRequest req, HttpServletResponse resp, Format format, CapturedResponse r4, String r4Base,
      Consumer<org.hl7.fhir.r4.model.Resource> adjust,
      Function<Set<String>, Map<String, org.hl7.fhir.r4.model.Resource>> lookup) throws IOException {
    String stu3Base = r4Base + "/stu3";
    for (String name : RELAYED_HEADERS) {
      if (r4.header(name) != null) {
        resp.setHeader(name, r4.header(name));
      }
    }
    for (String name : List.of("Location", "Content-Location")) {
      if (r4.header(name) != null) {
        resp.setHeader(name, onStu3Base(r4.header(name), r4Base, stu3Base));
      }
    }
    byte[] body = r4.body();
    if (body.length == 0) {
      resp.setStatus(r4.status());
      return;
    }
    org.hl7.fhir.r4.model.Resource answer = (org.hl7.fhir.r4.model.Resource)
        R4.newJsonParser().parseResource(new String(body, StandardCharsets.UTF_8));
    Resource stu3;
    if (answer instanceof org.hl7.fhir.r4.model.OperationOutcome) {
      stu3 = view.toStu3(answer);
    } else {
      adjust.accept(answer);
      claimOurProfiles(answer);
      Referenced referenced = Referenced.of(answer, lookup);
      Displays.fill(answer, referenced.displays());
      Displays.fillCodings(answer, codeDisplays);
      referenced.includePractitionersOfIncludedRoles(answer, r4Base);
      stu3 = view.toStu3(answer, referenced.practitionerOfRole(), referenced.displays());
    }
    if (stu3 instanceof Bundle bundle) {
      links(bundle, req, r4Base, stu3Base);
    }
    write(resp, format, r4.status(), stu3);
  }

  /**
   * MedMij asks a meta.profile on every record. A record written through R4 without claiming our
   * profile was still validated against it (chosen by its codes), so the view claims it, and the
   * table gives the STU3 profiles for it.
   */
  private void claimOurProfiles(org.hl7.fhir.r4.model.Resource answer) {
    List<org.hl7.fhir.r4.model.Resource> records = answer instanceof org.hl7.fhir.r4.model.Bundle b
        ? b.getEntry().stream().map(org.hl7.fhir.r4.model.Bundle.BundleEntryComponent::getResource)
            .filter(java.util.Objects::nonNull).toList()
        : List.of(answer);
    for (org.hl7.fhir.r4.model.Resource r : records) {
      ourProfile.apply(r).filter(p -> !r.getMeta().hasProfile(p)).ifPresent(p -> r.getMeta().addProfile(p));
    }
  }

  /** fullUrls and paging links on the STU3 base; the self link is the request exactly as the client sent it. */
  private void links(Bundle bundle, HttpServletRequest req, String r4Base, String stu3Base) {
    bundle.getEntry().forEach(e -> e.setFullUrl(onStu3Base(e.getFullUrl(), r4Base, stu3Base)));
    bundle.getLink().forEach(l -> l.setUrl(onStu3Base(l.getUrl(), r4Base, stu3Base)));
    String self = stu3Base + (req.getPathInfo() == null ? "" : req.getPathInfo())
        + (req.getQueryString() == null ? "" : "?" + req.getQueryString());
    bundle.getLink().removeIf(l -> "self".equals(l.getRelation()));
    bundle.getLink().add(0, new Bundle.BundleLinkComponent().setRelation("self").setUrl(self));
  }

  /** {@code <r4 base>/ServiceRequest/1} is {@code <r4 base>/stu3/ReferralRequest/1}; other URLs stay. */
  String onStu3Base(String url, String r4Base, String stu3Base) {
    if (url == null || !url.startsWith(r4Base)) {
      return url;
    }
    String rest = url.substring(r4Base.length());
    if (rest.startsWith("/")) {
      int next = rest.indexOf('/', 1);
      String type = next < 0 ? rest.substring(1) : rest.substring(1, next);
      if (!type.isEmpty() && Character.isUpperCase(type.charAt(0))) {
        rest = "/" + view.table().stu3Type(type) + (next < 0 ? "" : rest.substring(next));
      }
    }
    return stu3Base + rest;
  }

  void write(HttpServletResponse resp, Format format, int status, Resource resource) throws IOException {
    resp.setStatus(status);
    resp.setContentType(format == Format.XML ? "application/fhir+xml;charset=utf-8" : "application/fhir+json;charset=utf-8");
    String text = format == Format.XML ? STU3.newXmlParser().encodeResourceToString(resource)
        : STU3.newJsonParser().encodeResourceToString(resource);
    resp.getOutputStream().write(text.getBytes(StandardCharsets.UTF_8));
  }

  void outcome(HttpServletResponse resp, Format format, int status, String code, String message, String expression)
      throws IOException {
    OperationOutcome oo = new OperationOutcome();
    OperationOutcome.OperationOutcomeIssueComponent issue = oo.addIssue()
        .setSeverity(OperationOutcome.IssueSeverity.ERROR)
        .setCode(OperationOutcome.IssueType.fromCode(code))
        .setDiagnostics(message);
    if (expression != null) {
      issue.addExpression(expression);
    }
    write(resp, format, status, oo);
  }
}
