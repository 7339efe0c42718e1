package nl.geboorteketen.server.validation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ca.uhn.fhir.validation.FhirValidator;
import ca.uhn.fhir.validation.IValidatorModule;
import ca.uhn.fhir.validation.ValidationOptions;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import nl.geboorteketen.server.support.Fixtures;
import nl.geboorteketen.server.support.Http;
import nl.geboorteketen.server.support.TestServer;
import org.hl7.fhir.r4.model.Resource;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The pooled validator answers exactly as HAPI's own module (a new core validator per resource)
 * for every example of the package and every invalid example, also when eight threads share the
 * pool and its validators are reused many times; the pool keeps no more validators than it may.
 */
class PooledInstanceValidatorTest {

  private static FhirValidator hapi;
  private static FhirValidator pooled;
  private static PooledInstanceValidator module;
  private static ProfileSelector selector;
  private static List<Resource> resources;

  @BeforeAll
  static void validators() throws IOException {
    nl.geboorteketen.server.GeboorteketenServer server = TestServer.shared();
    Fixtures.ensurePackageExamples();
    module = (PooledInstanceValidator) server.bean(ProfileValidationInterceptor.class).module();
    selector = server.bean(ProfileSelector.class);
    hapi = validator(server.beanNamed("myInstanceValidator", IValidatorModule.class));
    pooled = validator(module);
    resources = new ArrayList<>(Fixtures.packageExamples());
    for (String file : invalidExampleFiles()) {
      resources.add((Resource) Http.FHIR.newJsonParser().parseResource(read("/examples/invalid/" + file)));
    }
  }

  @Test
  void answersAsHapisOwnModuleForValidAndInvalidResources() {
    boolean sawErrors = false;
    for (Resource r : resources) {
      List<String> expected = messages(hapi, r);
      assertEquals(expected, messages(pooled, r), () -> "messages differ for " + r.getIdElement().getValue());
      sawErrors |= expected.stream().anyMatch(m -> m.startsWith("ERROR"));
    }
    assertTrue(sawErrors, "the invalid examples give errors, so a validator that says nothing would fail here");
  }

  @Test
  void parsersLookUpEachResourceTypeOnceAndAnUnknownTypeEveryTime() throws Exception {
    resources.forEach(r -> messages(pooled, r));
    java.util.Set<String> types = new java.util.TreeSet<>();
    resources.forEach(r -> types.add(r.fhirType()));
    // the shared server may have parsed other types for other tests before
    assertTrue(module.typesParsed().containsAll(types), () -> types + " not all in " + module.typesParsed());

    ElementParsers parsers = new ElementParsers(org.hl7.fhir.r5.elementmodel.ParserBase.ValidationPolicy.EVERYTHING);
    var worker = TestServer.shared().bean(org.hl7.fhir.common.hapi.validation.validator.WorkerContextValidationSupportAdapter.class);
    for (int i = 0; i < 2; i++) {
      var parser = parsers.take(worker);
      var fragments = parser.parse(new java.io.ByteArrayInputStream(
          "{\"resourceType\":\"Zwangerschapskaart\"}".getBytes(StandardCharsets.UTF_8)));
      parsers.giveBack(parser);
      assertTrue(fragments.get(0).getErrors().stream().anyMatch(m -> m.getMessage().contains("Zwangerschapskaart")),
          () -> fragments.get(0).getErrors().toString());
    }
    assertEquals(java.util.Set.of(), parsers.typesFound());
  }

  @Test
  void reusedValidatorsGiveTheSameAnswersUnderConcurrencyAndThePoolStaysBounded() throws Exception {
    List<List<String>> expected = resources.stream().map(r -> messages(hapi, r)).toList();
    ExecutorService threads = Executors.newFixedThreadPool(8);
    try {
      List<Future<?>> runs = new ArrayList<>();
      for (int t = 0; t < 8; t++) {
        int offset = t;
        runs.add(threads.submit(() -> {
          for (int round = 0; round < 3; round++) {
            for (int i = 0; i < resources.size(); i++) {
              int at = (i + offset) % resources.size();
              assertEquals(expected.get(at), messages(pooled, resources.get(at)));
            }
          }
        }));
      }
      for (Future<?> run : runs) {
        run.get();
      }
    } finally {
      threads.shutdownNow();
    }
    assertTrue(module.idleCount() <= PooledInstanceValidator.IDLE, module.idleCount() + " validators kept idle");
    assertFalse(module.idleCount() == 0, "validators are kept for reuse");
  }

  private static List<String> messages(FhirValidator validator, Resource resource) {
    ValidationOptions options = new ValidationOptions();
    selector.select(resource).ifPresent(options::addProfile);
    return validator.validateWithResult(resource, options).getMessages().stream()
        .map(m -> m.getSeverity() + " " + m.getLocationString() + " " + m.getMessageId() + " " + m.getMessage())
        .toList();
  }

  private static FhirValidator validator(IValidatorModule module) {
    return Http.FHIR.newValidator().setValidateAgainstStandardSchema(false).setValidateAgainstStandardSchematron(false)
        .registerValidatorModule(module);
  }

  private static List<String> invalidExampleFiles() throws IOException {
    return read("/examples/invalid/expectations.csv").lines().skip(1).filter(l -> !l.isBlank())
        .map(l -> l.split(",")[0].trim()).toList();
  }

  private static String read(String resource) throws IOException {
    try (InputStream in = PooledInstanceValidatorTest.class.getResourceAsStream(resource)) {
      if (in == null) {
        throw new IllegalArgumentException("missing test resource " + resource);
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
  }
}
