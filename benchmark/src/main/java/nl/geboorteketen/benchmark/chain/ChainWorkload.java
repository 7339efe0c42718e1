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
   * The chain as far as the server supports it today, in chain order, every step sent by the partner
   * (or the mother's PGO) who does it in real use, so the server's access checks are paid; the
   * searches of the growth mix stay with the run's own token.
   */
  public static List<Step> steps() {
    return List.of(
        // the midwife registers her client and opens her maternal record: her practice's care relationship
        new TransactionStep("chain-register-woman", Actor.MIDWIFE, "register-woman.json", Arrays.asList("woman", "episode")),
        new TransactionStep("chain-pregnancy", Actor.MIDWIFE, "pregnancy.json", Arrays.asList("pregnancy")),
        new TransactionStep("chain-birth", Actor.MIDWIFE, "birth.json", Arrays.asList("child", "mother", "delivery", "weight")),
        // the midwife practice manages the maternal record (register-woman), so its care relationship is checked
        new OperationStep("chain-lip-indicatie", Actor.MIDWIFE, "{{episode}}/$lip-indicatie", "lip-indicatie.json", null),
        new OperationStep("chain-overdracht", Actor.MIDWIFE, "{{episode}}/$overdracht", "overdracht-kraamzorg.json", null),
        new ReadStep("chain-everything-mother", Actor.MIDWIFE, "{{woman}}/$everything?_count=100", false),
        new ReadStep("chain-read-woman", Actor.MIDWIFE, "{{woman}}", false),
        new ReadStep("chain-search-patient-by-bsn", Actor.MIDWIFE,
            "Patient?identifier=http://fhir.nl/fhir/NamingSystem/bsn|{{bsn}}", true),
        new ReadStep("chain-search-episode-by-patient", Actor.MIDWIFE, "EpisodeOfCare?patient={{woman}}", true),
        new ReadStep("chain-search-observation-by-subject-code", Actor.MIDWIFE,
            "Observation?subject={{child}}&code=http://loinc.org|8339-4", true),
        new ReadStep("chain-search-observation-by-maternal-record", Actor.MIDWIFE, "Observation?maternal-record={{episode}}", true),
        new ReadStep("chain-search-children-of-mother", Actor.MIDWIFE, "RelatedPerson?related-patient={{woman}}", true),
        // the managing practice adds the kraamzorg to the family's care team: its care relationship
        new OperationStep("chain-care-team", Actor.MIDWIFE, "CareTeam", "care-team.json", null),
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
