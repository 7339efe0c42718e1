package nl.geboorteketen.server.validation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.context.support.IValidationSupport;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import org.hl7.fhir.common.hapi.validation.support.ValidationSupportChain;
import org.hl7.fhir.instance.model.api.IBaseResource;
import org.hl7.fhir.r4.model.ElementDefinition;
import org.hl7.fhir.r4.model.StructureDefinition;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The validator's bridge asks the chain once for a definition it found, again after the chain's
 * own keeping time or the chain's invalidation (and keeps nothing it was given in the moment
 * around an invalidation), and every time for one it did not find.
 */
class RememberedDefinitionsTest {

  private static final FhirContext R4 = FhirContext.forR4Cached();
  private static final String URL = "https://example.org/StructureDefinition/test-profile";

  private final Map<String, StructureDefinition> stored = new HashMap<>();
  private final Map<String, Integer> asked = new HashMap<>();
  private final AtomicLong clock = new AtomicLong();
  private Runnable whileAsked = () -> { };
  private ValidationSupportChain chain;
  private RememberedDefinitions remembered;

  /** A support that counts how often each url is asked for. */
  private final IValidationSupport counting = new IValidationSupport() {
    @Override
    public FhirContext getFhirContext() {
      return R4;
    }

    @Override
    public IBaseResource fetchStructureDefinition(String url) {
      asked.merge(url, 1, Integer::sum);
      StructureDefinition answer = stored.get(url);
      whileAsked.run();
      return answer;
    }
  };

  @BeforeEach
  void chain() {
    remembered = new RememberedDefinitions(clock::get);
    // the chain without its own cache, so every question that passes the bridge is counted
    chain = new ValidationSupportChain(ValidationSupportChain.CacheConfiguration.disabled(), counting);
    chain.addValidationSupport(remembered.invalidatedWith(R4));
    remembered.setValidationSupport(chain);
  }

  @Test
  void aFoundDefinitionIsAskedForOnce() {
    stored.put(URL, profile("first"));
    org.hl7.fhir.r5.model.StructureDefinition first = fetch();
    assertNotNull(first);
    assertSame(first, fetch());
    assertSame(first, fetch());
    assertEquals(1, asked.get(URL));
  }

  @Test
  void aMissingDefinitionIsAskedForEveryTimeAndFoundOnceItExists() {
    assertNull(fetch());
    assertNull(fetch());
    assertEquals(2, asked.get(URL));
    stored.put(URL, profile("late"));
    assertEquals("late", fetch().getTitle());
  }

  @Test
  void theChainsInvalidationIsFollowedAtOnce() {
    stored.put(URL, profile("first"));
    assertEquals("first", fetch().getTitle());
    stored.put(URL, profile("updated"));
    assertEquals("first", fetch().getTitle());
    chain.invalidateCaches();
    assertEquals("updated", fetch().getTitle());
    assertEquals(2, asked.get(URL));
    // for a moment after the change every question goes to the chain, then answers are kept again
    fetch();
    assertEquals(3, asked.get(URL));
    clock.addAndGet(RememberedDefinitions.QUIET.toNanos());
    fetch();
    fetch();
    assertEquals(4, asked.get(URL));
  }

  @Test
  void whatTheChainGaveWhileTheDefinitionsChangedIsNotKept() {
    stored.put(URL, profile("first"));
    whileAsked = () -> {
      stored.put(URL, profile("updated"));
      chain.invalidateCaches();
    };
    assertEquals("first", fetch().getTitle());
    whileAsked = () -> { };
    assertEquals("updated", fetch().getTitle());
    assertEquals(2, asked.get(URL));
  }

  @Test
  void aDefinitionIsKeptNoLongerThanTheChainWouldKeepIt() {
    stored.put(URL, profile("first"));
    fetch();
    stored.put(URL, profile("updated"));
    clock.addAndGet(RememberedDefinitions.KEPT.toNanos() - 1);
    assertEquals("first", fetch().getTitle());
    clock.addAndGet(1);
    assertEquals("updated", fetch().getTitle());
    assertEquals(2, asked.get(URL));
  }

  private org.hl7.fhir.r5.model.StructureDefinition fetch() {
    return remembered.fetchResource(org.hl7.fhir.r5.model.StructureDefinition.class, URL);
  }

  /** A profile with a snapshot, so the bridge has nothing to generate. */
  private static StructureDefinition profile(String title) {
    StructureDefinition sd = new StructureDefinition();
    sd.setUrl(URL).setName("TestProfile").setTitle(title).setStatus(org.hl7.fhir.r4.model.Enumerations.PublicationStatus.ACTIVE)
        .setKind(StructureDefinition.StructureDefinitionKind.RESOURCE).setAbstract(false).setType("Basic")
        .setBaseDefinition("http://hl7.org/fhir/StructureDefinition/Basic")
        .setDerivation(StructureDefinition.TypeDerivationRule.CONSTRAINT);
    sd.getSnapshot().addElement(new ElementDefinition().setPath("Basic").setMin(0).setMax("*"));
    return sd;
  }
}
