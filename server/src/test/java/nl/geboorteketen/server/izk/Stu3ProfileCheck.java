package nl.geboorteketen.server.izk;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.context.support.DefaultProfileValidationSupport;
import ca.uhn.fhir.context.support.ValidationSupportContext;
import ca.uhn.fhir.validation.FhirValidator;
import ca.uhn.fhir.validation.ResultSeverityEnum;
import ca.uhn.fhir.validation.SingleValidationMessage;
import ca.uhn.fhir.validation.ValidationOptions;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.hl7.fhir.common.hapi.validation.support.CommonCodeSystemsTerminologyService;
import org.hl7.fhir.common.hapi.validation.support.InMemoryTerminologyServerValidationSupport;
import org.hl7.fhir.common.hapi.validation.support.PrePopulatedValidationSupport;
import org.hl7.fhir.common.hapi.validation.support.SnapshotGeneratingValidationSupport;
import org.hl7.fhir.common.hapi.validation.support.ValidationSupportChain;
import org.hl7.fhir.common.hapi.validation.validator.FhirInstanceValidator;
import org.hl7.fhir.dstu3.model.Bundle;
import org.hl7.fhir.dstu3.model.CodeSystem;
import org.hl7.fhir.dstu3.model.Resource;
import org.hl7.fhir.dstu3.model.StructureDefinition;
import org.hl7.fhir.dstu3.model.ValueSet;
import org.hl7.fhir.instance.model.api.IBaseResource;

/**
 * The TestScripts' {@code validateProfileId}: an answer validated with HAPI's STU3 validator against
 * the base specification and Nictiz's STU3 profiles (zib2017, bc), read from folders given at run time.
 * Nothing is fetched; SNOMED and LOINC are not here, so what only a terminology server could say is
 * not counted (as Touchstone's own server would have answered it).
 */
final class Stu3ProfileCheck {

  private static final FhirContext STU3 = FhirContext.forDstu3();
  /** Message ids (compared ignoring case) that say a code could not be checked here, not that it is wrong. */
  private static final Set<String> NO_TERMINOLOGY_HERE = Set.of("terminology_tx_novalid_", "unknown_codesystem",
      "terminology_tx_system_unknown", "terminology_tx_system_no_code", "valueset_include_", "unable_to_check_if",
      "tx_server_no_batch_response", "terminology_passthrough_tx_message", "terminology_tx_valueset_notfound");

  private static final Pattern CANT_MATCH = Pattern.compile("profile match for (\\S+) among choices: (.+)$");

  /** A code system URL in a validator message: "(system#code)", "system for 'system#code'", "…: system". */
  private static final Pattern SYSTEM = Pattern.compile("(https?://[^\\s#'|)]+)#|CodeSystem[^:]*: (https?://\\S+)");

  private final FhirValidator validator;
  private final ValidationSupportChain terminology;
  private final Map<String, Integer> notCounted = new ConcurrentHashMap<>();

  Stu3ProfileCheck(List<Path> folders) throws IOException {
    PrePopulatedValidationSupport nictiz = new PrePopulatedValidationSupport(STU3);
    for (Path folder : folders) {
      try (Stream<Path> files = Files.walk(folder)) {
        for (Path f : files.filter(p -> p.toString().endsWith(".xml") || p.toString().endsWith(".json")).toList()) {
          add(nictiz, f);
        }
      }
    }
    ValidationSupportChain chain = new ValidationSupportChain(new DefaultProfileValidationSupport(STU3), nictiz,
        new SnapshotGeneratingValidationSupport(STU3), new InMemoryTerminologyServerValidationSupport(STU3),
        new CommonCodeSystemsTerminologyService(STU3));
    terminology = chain;
    validator = STU3.newValidator().registerValidatorModule(new FhirInstanceValidator(chain));
  }

  /** From a path list as in GK_IZK_STU3_PROFILES (folders joined by the platform's path separator). */
  static Stu3ProfileCheck fromPathList(String folders) throws IOException {
    return new Stu3ProfileCheck(Stream.of(folders.split(java.io.File.pathSeparator)).map(Path::of).toList());
  }

  private static void add(PrePopulatedValidationSupport to, Path file) throws IOException {
    String text = Files.readString(file);
    IBaseResource r;
    try {
      r = parse(text);
    } catch (RuntimeException notStu3) {
      return;
    }
    if (r instanceof StructureDefinition sd) {
      to.addStructureDefinition(sd);
    } else if (r instanceof ValueSet vs) {
      to.addValueSet(vs);
    } else if (r instanceof CodeSystem cs) {
      to.addCodeSystem(cs);
    }
  }

  /** The errors in this answer, by location and message; empty when it conforms. */
  List<String> errors(String body) {
    List<SingleValidationMessage> counted = counted(validator.validateWithResult(body).getMessages());
    if (counted.isEmpty()) {
      return List.of();
    }
    IBaseResource answer = parse(body);
    return counted.stream().filter(m -> !targetConformsButForTerminology(m, answer))
        .map(Stu3ProfileCheck::describe).toList();
  }

  private static IBaseResource parse(String text) {
    return (text.trim().startsWith("<") ? STU3.newXmlParser() : STU3.newJsonParser()).parseResource(text);
  }

  private List<SingleValidationMessage> counted(List<SingleValidationMessage> messages) {
    return messages.stream()
        .filter(m -> m.getSeverity().ordinal() >= ResultSeverityEnum.ERROR.ordinal())
        .filter(m -> !onlyATerminologyServerCouldTell(m))
        .toList();
  }

  /** A terminology message about a code system this check does not hold (SNOMED, LOINC, a naming system). */
  private boolean onlyATerminologyServerCouldTell(SingleValidationMessage m) {
    String id = m.getMessageId() == null ? null : m.getMessageId().toLowerCase(java.util.Locale.ROOT);
    if (id == null || NO_TERMINOLOGY_HERE.stream().noneMatch(id::startsWith)) {
      return false;
    }
    Matcher system = SYSTEM.matcher(m.getMessage() == null ? "" : m.getMessage());
    while (system.find()) {
      String url = system.group(1) != null ? system.group(1) : system.group(2);
      if (!terminology.isCodeSystemSupported(new ValidationSupportContext(terminology), url)) {
        notCounted.merge(url, 1, Integer::sum);
        return true;
      }
    }
    return false;
  }

  /** The terminology messages not counted, by the code system they name that is not held here. */
  Map<String, Integer> notCounted() {
    return new TreeMap<>(notCounted);
  }

  /**
   * "No profile match for Type/id among choices": the validator tried the referenced entry against each
   * profile and it failed. If it fails only on codes no terminology server checked here, so does this.
   */
  private boolean targetConformsButForTerminology(SingleValidationMessage m, IBaseResource answer) {
    Matcher found = CANT_MATCH.matcher(m.getMessage() == null ? "" : m.getMessage());
    if (!"Reference_REF_CantMatchChoice".equals(m.getMessageId()) || !found.find() || !(answer instanceof Bundle bundle)) {
      return false;
    }
    Resource target = bundle.getEntry().stream().map(Bundle.BundleEntryComponent::getResource)
        .filter(r -> r != null && (r.fhirType() + "/" + r.getIdElement().getIdPart()).equals(found.group(1)))
        .findFirst().orElse(null);
    if (target == null) {
      return false;
    }
    for (String profile : found.group(2).split(",\\s*")) {
      ValidationOptions options = new ValidationOptions().addProfile(profile.trim());
      if (counted(validator.validateWithResult(target, options).getMessages()).isEmpty()) {
        return true;
      }
    }
    return false;
  }

  private static String describe(SingleValidationMessage m) {
    return m.getLocationString() + " [" + m.getMessageId() + "] " + m.getMessage();
  }
}
