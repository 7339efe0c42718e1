package nl.geboorteketen.server.izk;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.context.support.DefaultProfileValidationSupport;
import java.net.URI;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import nl.geboorteketen.server.support.Http;
import org.hl7.fhir.dstu3.fhirpath.FHIRPathEngine;
import org.hl7.fhir.dstu3.hapi.ctx.HapiWorkerContext;
import org.hl7.fhir.dstu3.model.Base;
import org.hl7.fhir.dstu3.model.Bundle;
import org.hl7.fhir.dstu3.model.IdType;
import org.hl7.fhir.dstu3.model.Resource;
import org.hl7.fhir.dstu3.model.TestScript;
import org.hl7.fhir.dstu3.model.TestScript.SetupActionAssertComponent;
import org.hl7.fhir.dstu3.model.TestScript.SetupActionOperationComponent;
import org.hl7.fhir.dstu3.model.TestScript.TestActionComponent;
import org.hl7.fhir.dstu3.model.TestScript.TestScriptTestComponent;
import org.hl7.fhir.dstu3.model.TestScript.TestScriptVariableComponent;

/**
 * Runs Nictiz's MedMij XIS-Server TestScripts (STU3) against our IZK endpoint, as Touchstone would for
 * what they use: searches with request headers, and asserts on the response code, the resource type
 * and FHIRPath expressions (alone, or compared with {@code equals}). Variables take a default value
 * or a FHIRPath on an earlier response. A {@code patient-token-<id>} variable becomes the PGO token of
 * that woman. {@code validateProfileId} needs the STU3 profiles ({@link Stu3ProfileCheck}); without them it is skipped.
 */
final class Stu3TestScripts {

  private static final FhirContext STU3 = FhirContext.forDstu3Cached();
  private static final Pattern VARIABLE = Pattern.compile("\\$\\{([^}]+)}");
  private static final String TOKEN_PREFIX = "patient-token-";

  /** One assert's outcome: PASS, FAIL, WARN (a warningOnly assert that failed), SKIP or ERROR. */
  record Outcome(String script, String test, String status, String description, String detail) {
    @Override
    public String toString() {
      return status + " " + script + " " + test + ": " + description + (detail.isEmpty() ? "" : " — " + detail);
    }
  }

  private record Answer(int status, Resource resource, String body, String query) {}

  private static final String SELF_LINK_RULE = "assert-response-queryParamsInSelfLink";

  private final FHIRPathEngine fhirPath = new FHIRPathEngine(new HapiWorkerContext(STU3, new DefaultProfileValidationSupport(STU3)));
  private final String stu3Root;
  private final Function<String, String> tokenOfPatient;
  private final Stu3ProfileCheck profiles;

  /**
   * {@code tokenOfPatient}: a Patient id to the bearer token of her PGO; {@code profiles}: the STU3
   * profile check for {@code validateProfileId}, or null to skip those asserts.
   */
  Stu3TestScripts(String stu3Root, Function<String, String> tokenOfPatient, Stu3ProfileCheck profiles) {
    this.stu3Root = stu3Root;
    this.tokenOfPatient = tokenOfPatient;
    this.profiles = profiles;
  }

  List<Outcome> run(Path file) throws java.io.IOException {
    TestScript script = STU3.newXmlParser().parseResource(TestScript.class, Files.readString(file));
    String name = file.getParent().getFileName() + "/" + file.getFileName();
    Map<String, TestScriptVariableComponent> variables = new HashMap<>();
    script.getVariable().forEach(v -> variables.put(v.getName(), v));
    Map<String, Answer> answers = new HashMap<>();
    List<Outcome> outcomes = new ArrayList<>();
    // a test of its own may check the answer of the test before it ("the previous operation")
    Answer last = null;
    for (TestScriptTestComponent test : script.getTest()) {
      String testName = test.hasId() ? test.getId() : test.getName();
      for (TestActionComponent action : test.getAction()) {
        if (action.hasOperation()) {
          last = send(action.getOperation(), variables, answers);
          if (action.getOperation().hasResponseId()) {
            answers.put(action.getOperation().getResponseId(), last);
          }
        } else if (action.hasAssert()) {
          Outcome o = check(name, testName, action.getAssert(), last, variables, answers);
          outcomes.add(o);
          // STU3's TestScript has no stopTestOnFail (the parser drops it): a failed response code ends the
          // test, every other assert runs, which can only report more failures than Touchstone would
          if (o.status().equals("FAIL") && action.getAssert().hasResponseCode()) {
            break;
          }
        }
      }
    }
    return outcomes;
  }

  private Answer send(SetupActionOperationComponent op, Map<String, TestScriptVariableComponent> variables,
      Map<String, Answer> answers) {
    String params = fill(op.getParams(), variables, answers);
    String url = stu3Root + "/" + op.getResource() + (op.getEncodeRequestUrl() ? encoded(params) : params);
    HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url)).GET()
        .header("Accept", "xml".equals(op.getAccept() == null ? "" : op.getAccept().toCode())
            ? "application/fhir+xml" : "application/fhir+json");
    op.getRequestHeader().forEach(h -> request.header(h.getField(), fill(h.getValue(), variables, answers)));
    Http.Response r = Http.shared().anonymous().send(request);
    Resource parsed = null;
    try {
      parsed = (Resource) (r.body().trim().startsWith("<") ? STU3.newXmlParser() : STU3.newJsonParser()).parseResource(r.body());
      bareIds(parsed);
    } catch (RuntimeException unreadable) {
      // an answer that is no FHIR fails the asserts that read it
    }
    return new Answer(r.status(), parsed, r.body(), URI.create(url).getRawQuery());
  }

  /** HAPI's parser gives an id its type and version ("Patient/1/_history/2"); FHIRPath on the wire sees "1". */
  private static void bareIds(Resource r) {
    r.setIdElement(new IdType(r.getIdElement().getIdPart()));
    if (r instanceof Bundle b) {
      b.getEntry().stream().filter(e -> e.getResource() != null).forEach(e -> bareIds(e.getResource()));
    }
  }

  private Outcome check(String script, String test, SetupActionAssertComponent a, Answer last,
      Map<String, TestScriptVariableComponent> variables, Map<String, Answer> answers) {
    String description = a.getDescription();
    Answer source = a.hasSourceId() ? answers.get(a.getSourceId()) : last;
    if (a.hasValidateProfileId() && profiles == null) {
      return new Outcome(script, test, "SKIP", description, "no STU3 profiles here");
    }
    if (source == null) {
      return new Outcome(script, test, "ERROR", description, "no response to check");
    }
    if (a.hasValidateProfileId()) {
      List<String> errors = profiles.errors(source.body());
      return errors.isEmpty() ? new Outcome(script, test, "PASS", description, "")
          : fail(script, test, a, description, errors.size() + " errors: " + String.join(" | ", errors));
    }
    try {
      boolean ok;
      String got;
      if (a.hasResponseCode()) {
        got = String.valueOf(source.status());
        ok = List.of(a.getResponseCode().split(",")).contains(got);
      } else if (a.hasResource()) {
        got = source.resource() == null ? "nothing" : source.resource().fhirType();
        ok = a.getResource().equals(got);
      } else if (a.hasExpression()) {
        if (source.resource() == null) {
          return fail(script, test, a, description, "no FHIR resource in the answer: " + abbreviated(source.body()));
        }
        List<Base> result = fhirPath.evaluate(source.resource(), fill(a.getExpression(), variables, answers));
        if (a.hasValue()) {
          got = result.isEmpty() ? "(empty)" : result.get(0).primitiveValue();
          ok = fill(a.getValue(), variables, answers).equals(got);
        } else {
          got = result.toString();
          ok = fhirPath.convertToBoolean(result);
        }
      } else if (SELF_LINK_RULE.equals(rule(a))) {
        got = source.resource() instanceof Bundle b && b.getLink("self") != null
            ? URI.create(b.getLink("self").getUrl()).getRawQuery() : "no self link";
        ok = !got.equals("no self link") && pairs(got).containsAll(pairs(source.query()));
      } else {
        return new Outcome(script, test, "SKIP", description, "assert kind not run here");
      }
      return ok ? new Outcome(script, test, "PASS", description, "")
          : fail(script, test, a, description, "got " + abbreviated(got) + describe(a));
    } catch (RuntimeException e) {
      return new Outcome(script, test, "ERROR", description, e.getClass().getSimpleName() + ": " + e.getMessage());
    }
  }

  /** The Touchstone rule an assert names (an extension), if any. */
  private static String rule(SetupActionAssertComponent a) {
    return a.getExtension().stream().filter(e -> e.getUrl().endsWith("testscript-assert-rule"))
        .flatMap(e -> e.getExtension().stream()).filter(e -> "ruleId".equals(e.getUrl()))
        .map(e -> e.getValue().primitiveValue()).findFirst().orElse(null);
  }

  /** A query string as decoded name=value pairs. */
  private static List<String> pairs(String rawQuery) {
    List<String> out = new ArrayList<>();
    if (rawQuery != null && !rawQuery.isEmpty()) {
      for (String pair : rawQuery.split("&")) {
        out.add(URLDecoder.decode(pair, StandardCharsets.UTF_8));
      }
    }
    return out;
  }

  private static Outcome fail(String script, String test, SetupActionAssertComponent a, String description, String detail) {
    return new Outcome(script, test, a.getWarningOnly() ? "WARN" : "FAIL", description, detail);
  }

  private static String describe(SetupActionAssertComponent a) {
    return a.hasExpression() ? " for " + a.getExpression() : "";
  }

  /** ${name}: UUID, CURRENTDATE, a woman's PGO token, a default value or a FHIRPath on an earlier answer. */
  private String fill(String text, Map<String, TestScriptVariableComponent> variables, Map<String, Answer> answers) {
    if (text == null) {
      return "";
    }
    Matcher m = VARIABLE.matcher(text);
    StringBuilder out = new StringBuilder();
    while (m.find()) {
      m.appendReplacement(out, Matcher.quoteReplacement(value(m.group(1), variables, answers)));
    }
    m.appendTail(out);
    return out.toString();
  }

  private String value(String name, Map<String, TestScriptVariableComponent> variables, Map<String, Answer> answers) {
    if (name.equals("UUID")) {
      return UUID.randomUUID().toString();
    }
    if (name.equals("CURRENTDATE")) {
      return LocalDate.now().toString();
    }
    if (name.startsWith(TOKEN_PREFIX)) {
      return "Bearer " + tokenOfPatient.apply(name.substring(TOKEN_PREFIX.length()));
    }
    TestScriptVariableComponent v = variables.get(name);
    if (v == null) {
      return "${" + name + "}";
    }
    if (v.hasDefaultValue()) {
      return fill(v.getDefaultValue(), variables, answers);
    }
    Answer source = answers.get(v.getSourceId());
    if (source == null || source.resource() == null || !v.hasExpression()) {
      return "";
    }
    List<Base> found = fhirPath.evaluate(source.resource(), v.getExpression());
    return found.isEmpty() ? "" : found.get(0).primitiveValue();
  }

  /** The query string with each name and value percent-encoded, as encodeRequestUrl asks. */
  private static String encoded(String params) {
    if (!params.startsWith("?")) {
      return params;
    }
    List<String> pairs = new ArrayList<>();
    for (String pair : params.substring(1).split("&")) {
      int eq = pair.indexOf('=');
      pairs.add(eq < 0 ? enc(pair) : enc(pair.substring(0, eq)) + "=" + enc(pair.substring(eq + 1)));
    }
    return "?" + String.join("&", pairs);
  }

  private static String enc(String s) {
    return URLEncoder.encode(s, StandardCharsets.UTF_8);
  }

  private static String abbreviated(String s) {
    return s == null ? "null" : s.length() > 300 ? s.substring(0, 300) + "…" : s;
  }
}
