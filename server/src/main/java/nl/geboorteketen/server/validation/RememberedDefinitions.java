package nl.geboorteketen.server.validation;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.context.support.IValidationSupport;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongSupplier;
import org.hl7.fhir.common.hapi.validation.validator.WorkerContextValidationSupportAdapter;
import org.hl7.fhir.r5.model.Resource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * HAPI's bridge between the validator and the validation chain, remembering what it found by url.
 * The validator asks for the same definitions over and over (every element's type, every
 * extension, every value set), and each question went through the chain's own cache, a look-up of
 * the resource type by class and of the converted copy: 8 % of validation's CPU in the bulk load's
 * transactions, 12 % with the warm-up (JFR, 2026-12-05). Found definitions are kept as long as the
 * chain keeps them (HAPI's default, ten minutes) and forgotten at once when the chain is
 * invalidated, as HAPI does when a StructureDefinition is updated; what was not found is asked
 * again every time, so a new conformance resource is seen as soon as the chain sees it.
 */
public class RememberedDefinitions extends WorkerContextValidationSupportAdapter {

  private static final Logger LOG = LoggerFactory.getLogger(RememberedDefinitions.class);
  static final Duration KEPT = Duration.ofMinutes(10);
  /**
   * How long after a change nothing found is kept: the chain passes its invalidation on to us
   * before it empties its own cache, so an answer in that moment can still be the old version.
   */
  static final Duration QUIET = Duration.ofSeconds(1);

  private record Found(Resource resource, long until) {}

  private final Map<Class<?>, Map<String, Found>> found = new ConcurrentHashMap<>();
  private final LongSupplier nanoClock;
  private final AtomicLong generation = new AtomicLong();
  private volatile long quietUntil;

  public RememberedDefinitions() {
    this(System::nanoTime);
  }

  RememberedDefinitions(LongSupplier nanoClock) {
    this.nanoClock = nanoClock;
    this.quietUntil = nanoClock.getAsLong();
  }

  @Override
  public <T extends Resource> T fetchResource(Class<T> type, String uri) {
    if (uri == null) {
      return super.fetchResource(type, uri);
    }
    Map<String, Found> byUri = found.computeIfAbsent(type, t -> new ConcurrentHashMap<>());
    long now = nanoClock.getAsLong();
    Found kept = byUri.get(uri);
    if (kept != null && now - kept.until() < 0) {
      return type.cast(kept.resource());
    }
    T fresh = super.fetchResource(type, uri);
    if (fresh == null) {
      byUri.remove(uri);
    } else if (nanoClock.getAsLong() - quietUntil >= 0) {
      byUri.put(uri, new Found(fresh, now + KEPT.toNanos()));
    }
    return fresh;
  }

  @Override
  public void invalidateCaches() {
    forget();
    super.invalidateCaches();
  }

  /** Forgets everything found; the chain is asked again. */
  void forget() {
    LOG.debug("Validation definitions changed; validators are built anew (change {})", generation.incrementAndGet());
    quietUntil = nanoClock.getAsLong() + QUIET.toNanos();
    found.clear();
  }

  /**
   * How often the definitions were forgotten. A validator built before it changed holds what it
   * derived from the old ones (the core validator keeps a profile's child elements by url and
   * version, and an updated profile usually keeps both) and must not be used again.
   */
  public long generation() {
    return generation.get();
  }

  /**
   * A member for the validation chain that finds nothing and only passes the chain's invalidation
   * on, so an updated profile is used from the next validation on.
   */
  public IValidationSupport invalidatedWith(FhirContext ctx) {
    return new IValidationSupport() {
      @Override
      public FhirContext getFhirContext() {
        return ctx;
      }

      @Override
      public void invalidateCaches() {
        forget();
      }

      @Override
      public String getName() {
        return "Geboorteketen: forget remembered definitions";
      }
    };
  }
}
