package nl.geboorteketen.server.support;

import static org.junit.jupiter.api.Assertions.assertEquals;

import ca.uhn.fhir.util.FhirTerser;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.hl7.fhir.r4.model.Reference;
import nl.geboorteketen.server.packages.ProfilePackage;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.Resource;

/** Test data: the package's own examples (the Jansen family), stored once per run. */
public final class Fixtures {

  private static boolean examplesLoaded;

  private Fixtures() {}

  public static List<Resource> packageExamples() {
    return ProfilePackage.fromClasspath().resourcesIn("example").stream()
        .map(json -> (Resource) Http.FHIR.newJsonParser().parseResource(json))
        .toList();
  }

  /** Stores every package example with its own id, in one transaction; returns the answer. */
  public static synchronized Bundle loadPackageExamples() {
    Bundle tx = new Bundle().setType(Bundle.BundleType.TRANSACTION);
    for (Resource r : packageExamples()) {
      String ref = r.fhirType() + "/" + r.getIdElement().getIdPart();
      tx.addEntry().setResource(r).setFullUrl(ref)
          .getRequest().setMethod(Bundle.HTTPVerb.PUT).setUrl(ref);
    }
    Http.Response response = Http.shared().postJson("/fhir", tx);
    assertEquals(200, response.status(), () -> "Package examples were refused: " + response);
    examplesLoaded = true;
    return response.resource(Bundle.class);
  }

  public static synchronized void ensurePackageExamples() {
    if (!examplesLoaded) {
      loadPackageExamples();
    }
  }

  /**
   * The package examples as a new family: a transaction that POSTs a copy of every example under
   * a fresh urn:uuid, with references between them rewritten, so it can be stored any number of
   * times. Returns the transaction and the map from example id ("Patient/x") to its urn.
   */
  public static NewFamily examplesAsNewFamily() {
    return examplesAsNewFamily(r -> true);
  }

  /** As {@link #examplesAsNewFamily()}, with only the examples {@code keep} accepts. */
  public static NewFamily examplesAsNewFamily(java.util.function.Predicate<Resource> keep) {
    List<Resource> examples = packageExamples().stream().filter(keep).toList();
    Map<String, String> urns = new HashMap<>();
    for (Resource r : examples) {
      urns.put(r.fhirType() + "/" + r.getIdElement().getIdPart(), "urn:uuid:" + UUID.randomUUID());
    }
    FhirTerser terser = Http.FHIR.newTerser();
    Bundle tx = new Bundle().setType(Bundle.BundleType.TRANSACTION);
    for (Resource original : examples) {
      Resource r = original.copy();
      if (r instanceof org.hl7.fhir.r4.model.Patient patient) {
        // each copy is another family: its people get BSNs of their own
        patient.getIdentifier().stream().filter(i -> BSN_SYSTEM.equals(i.getSystem())).forEach(i -> i.setValue(randomBsn()));
      }
      String key = r.fhirType() + "/" + r.getIdElement().getIdPart();
      r.setId((String) null);
      for (Reference ref : terser.getAllPopulatedChildElementsOfType(r, Reference.class)) {
        String target = ref.getReference();
        if (target != null && urns.containsKey(target)) {
          ref.setReference(urns.get(target));
        }
      }
      tx.addEntry().setFullUrl(urns.get(key)).setResource(r)
          .getRequest().setMethod(Bundle.HTTPVerb.POST).setUrl(r.fhirType());
    }
    return new NewFamily(tx, urns);
  }

  /** Stores a new copy of the example family; returns example id ("Patient/x") → stored id ("Patient/123"). */
  public static Map<String, String> storeNewFamily() {
    NewFamily family = examplesAsNewFamily();
    Http.Response response = Http.shared().postJson("/fhir", family.transaction());
    assertEquals(200, response.status(), () -> "New family was refused: " + response);
    Map<String, String> urnToExample = new HashMap<>();
    family.urnByExampleId().forEach((example, urn) -> urnToExample.put(urn, example));
    Map<String, String> stored = new HashMap<>();
    List<Bundle.BundleEntryComponent> sent = family.transaction().getEntry();
    List<Bundle.BundleEntryComponent> answered = response.resource(Bundle.class).getEntry();
    for (int i = 0; i < sent.size(); i++) {
      String location = answered.get(i).getResponse().getLocation().replaceAll("/_history/.*", "");
      stored.put(urnToExample.get(sent.get(i).getFullUrl()), location);
    }
    return stored;
  }

  /** A family transaction and where each example went. */
  public record NewFamily(Bundle transaction, Map<String, String> urnByExampleId) {}

  @SuppressWarnings("unchecked")
  public static <T extends Resource> T example(Class<T> type, String id) {
    return (T) packageExamples().stream()
        .filter(r -> r.fhirType().equals(type.getSimpleName()) && r.getIdElement().getIdPart().equals(id))
        .findFirst().orElseThrow(() -> new IllegalArgumentException("No example " + type.getSimpleName() + "/" + id))
        .copy();
  }

  public static final String BSN_SYSTEM = "http://fhir.nl/fhir/NamingSystem/bsn";

  /** A random BSN that passes the 11-proof (weights 9..2, last digit -1). */
  public static String randomBsn() {
    java.util.concurrent.ThreadLocalRandom random = java.util.concurrent.ThreadLocalRandom.current();
    while (true) {
      int[] d = new int[8];
      int sum = 0;
      for (int i = 0; i < 8; i++) {
        d[i] = i == 0 ? 1 + random.nextInt(9) : random.nextInt(10);
        sum += d[i] * (9 - i);
      }
      int last = sum % 11;
      if (last < 10) {
        StringBuilder s = new StringBuilder();
        for (int digit : d) {
          s.append(digit);
        }
        return s.append(last).toString();
      }
    }
  }
}
