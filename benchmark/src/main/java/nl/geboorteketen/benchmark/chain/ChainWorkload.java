package nl.geboorteketen.benchmark.chain;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import nl.geboorteketen.benchmark.Bsn;
import nl.geboorteketen.benchmark.StoredFamily;

/**
 * Simulated families going through the chain, one family at a time per client: the steps below,
 * in order. A family whose step fails stops there and is not counted as complete.
 */
public final class ChainWorkload {

  private final List<Step> steps;
  private final Organisations orgs;
  private final Bsn bsns;
  private final AtomicLong completed = new AtomicLong();
  private final AtomicLong failed = new AtomicLong();
  private final List<StoredFamily> stored = new ArrayList<>();

  public ChainWorkload(Organisations orgs, Bsn bsns) {
    this(steps(), orgs, bsns);
  }

  public ChainWorkload(List<Step> steps, Organisations orgs, Bsn bsns) {
    this.steps = steps;
    this.orgs = orgs;
    this.bsns = bsns;
  }

  /**
   * The chain as far as the server supports it today, in chain order. The records are written with
   * the run's own token (beheerder); the operations, the kraamweek and the PGO read are sent by the
   * partner (or the mother's PGO) who does them in real use, so the server's access checks are paid.
   */
  public static List<Step> steps() {
    return List.of(
        new TransactionStep("chain-register-woman", "register-woman.json", Arrays.asList("woman", "episode")),
        new TransactionStep("chain-pregnancy", "pregnancy.json", Arrays.asList("pregnancy")),
        new TransactionStep("chain-birth", "birth.json", Arrays.asList("child", "mother", "delivery", "weight")),
        // the midwife practice manages the maternal record (register-woman), so its care relationship is checked
        new OperationStep("chain-lip-indicatie", Actor.MIDWIFE, "{{episode}}/$lip-indicatie", "lip-indicatie.json", null),
        new OperationStep("chain-overdracht", Actor.MIDWIFE, "{{episode}}/$overdracht", "overdracht-kraamzorg.json", null),
        new ReadStep("chain-everything-mother", "{{woman}}/$everything?_count=100", false),
        new ReadStep("chain-read-woman", "{{woman}}", false),
        new ReadStep("chain-search-patient-by-bsn",
            "Patient?identifier=http://fhir.nl/fhir/NamingSystem/bsn|{{bsn}}", true),
        new ReadStep("chain-search-episode-by-patient", "EpisodeOfCare?patient={{woman}}", true),
        new ReadStep("chain-search-observation-by-subject-code",
            "Observation?subject={{child}}&code=http://loinc.org|8339-4", true),
        new ReadStep("chain-search-observation-by-maternal-record", "Observation?maternal-record={{episode}}", true),
        new ReadStep("chain-search-children-of-mother", "RelatedPerson?related-patient={{woman}}", true),
        // the kraamzorg cares for the family as the owner of the handover Task chain-overdracht made
        new TransactionStep("chain-kraamweek", Actor.KRAAMZORG, "kraamweek.json", List.of()),
        new OperationStep("chain-consent-pgo", Actor.MIDWIFE, "Consent", "consent-pgo.json", "pgoConsent"),
        new ReadStep("chain-pgo-read", Actor.PGO, "{{woman}}/$everything?_count=100", true));
  }

  /** Takes one new family through every step. */
  public boolean runFamily(Callers callers, long number) {
    Family family = new Family(bsns.next(), bsns.next(), "Jansen" + number, orgs);
    for (Step step : steps) {
      if (!step.run(family, callers)) {
        failed.incrementAndGet();
        return true;
      }
    }
    completed.incrementAndGet();
    synchronized (stored) {
      stored.add(new StoredFamily(family.get("woman"), family.get("bsn"), family.get("episode"), family.get("child")));
    }
    return true;
  }

  public long completed() {
    return completed.get();
  }

  public long failed() {
    return failed.get();
  }

  /** The families that went through every step. */
  public List<StoredFamily> stored() {
    synchronized (stored) {
      return List.copyOf(stored);
    }
  }

  public List<Step> stepList() {
    return steps;
  }
}
