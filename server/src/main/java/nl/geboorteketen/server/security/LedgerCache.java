package nl.geboorteketen.server.security;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import nl.geboorteketen.server.consent.ConsentService;

/**
 * The read path's memory of the ledger and the family's consents: which family a patient is in,
 * who belongs to it, who cares for it until when, which organisations it refused, whether it
 * shares with its PGO, and whose an episode is — looked up once, kept until {@link LedgerChanges}
 * says a key changed (on any node), and for a minute at most (consent periods end by the clock).
 * Only reads use it; the write gate decides on the database as its own transaction sees it.
 */
public class LedgerCache {

  /** What is known of one family, filled as it is asked for. */
  private static final class Family {
    volatile Set<String> members;
    volatile Map<String, Instant> carers; // organisation → end (Instant.MAX: no end)
    volatile Boolean sharesWithPgo;
    final Map<String, Boolean> denies = new ConcurrentHashMap<>();
  }

  private final CareLedger ledger;
  private final ConsentService consents;
  private final Cache<String, String> familyOf = cache();
  private final Cache<String, Family> families = cache();
  private final Cache<String, Optional<CareLedger.Episode>> episodes = cache();

  public LedgerCache(CareLedger ledger, ConsentService consents, LedgerChanges changes) {
    this.ledger = ledger;
    this.consents = consents;
    changes.onChange(this::forget);
  }

  private static <V> Cache<String, V> cache() {
    return Caffeine.newBuilder().maximumSize(100_000).expireAfterWrite(Duration.ofMinutes(1)).build();
  }

  public String familyOf(String patient) {
    return familyOf.get(patient, ledger::familyOf);
  }

  public Set<String> members(String family) {
    Family f = family(family);
    if (f.members == null) {
      f.members = Set.copyOf(ledger.members(family));
    }
    return f.members;
  }

  public boolean caresFor(String organisation, String family) {
    Family f = family(family);
    if (f.carers == null) {
      Map<String, Instant> carers = new ConcurrentHashMap<>();
      Instant now = Instant.now();
      for (CareLedger.Relationship r : ledger.relationships(family)) {
        if (r.activeAt(now)) {
          carers.merge(r.organisation(), r.endsAt() == null ? Instant.MAX : r.endsAt(),
              (a, b) -> a.isAfter(b) ? a : b);
        }
      }
      f.carers = carers;
    }
    Instant end = f.carers.get(organisation);
    return end != null && end.isAfter(Instant.now());
  }

  /** True when a member of the family refused or withdrew sharing with this organisation (partner-delen). */
  public boolean deniesPartner(String family, String organisation) {
    return family(family).denies.computeIfAbsent(organisation,
        org -> consents.familyDeniesPartner(members(family), org));
  }

  public boolean sharesWithPgo(String person) {
    Family f = family(ledger.familyOf(person));
    if (f.sharesWithPgo == null) {
      f.sharesWithPgo = consents.sharesWithPgo(person);
    }
    return f.sharesWithPgo;
  }

  public Optional<CareLedger.Episode> episode(String record) {
    return episodes.get(record, ledger::episode);
  }

  private Family family(String family) {
    return families.get(family, k -> new Family());
  }

  /** Keys: "F:" family, "P:" patient, "E:" episode. */
  private void forget(Set<String> keys) {
    for (String key : keys) {
      String id = key.substring(2);
      switch (key.charAt(0)) {
        case 'F' -> families.invalidate(id);
        case 'P' -> familyOf.invalidate(id);
        case 'E' -> episodes.invalidate(id);
        default -> {
          families.invalidateAll();
          familyOf.invalidateAll();
          episodes.invalidateAll();
        }
      }
    }
  }
}
