package nl.geboorteketen.benchmark.growth;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.HashMap;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicLong;
import nl.geboorteketen.benchmark.Bsn;
import nl.geboorteketen.benchmark.FhirClient;
import nl.geboorteketen.benchmark.Phase;
import nl.geboorteketen.benchmark.StoredFamily;
import nl.geboorteketen.benchmark.Template;
import nl.geboorteketen.benchmark.chain.Organisations;

/**
 * Growth with data size: bulk-loads families through transaction bundles up to a total, then runs
 * the same read and search mix against a random stored family.
 */
public final class Growth {

  /** Resources in one bulk family: woman, maternal record, pregnancy, EDD, child, mother link, birth weight. */
  public static final int RESOURCES_PER_FAMILY = 7;
  private static final Template FAMILY = Template.load("bulk-family-entries.json");

  private final FhirClient client;
  private final int clients;
  private final Bsn bsns;
  private final Organisations orgs;
  private final int familiesPerBundle;
  private final List<StoredFamily> stored = new ArrayList<>();
  private final String server;

  public Growth(FhirClient client, int clients, Bsn bsns, Organisations orgs, int familiesPerBundle,
      List<StoredFamily> alreadyStored) {
    this("geboorteketen", client, clients, bsns, orgs, familiesPerBundle, alreadyStored);
  }

  /** {@code server} names the server in the report: the bare server loads the same bundles. */
  public Growth(String server, FhirClient client, int clients, Bsn bsns, Organisations orgs, int familiesPerBundle,
      List<StoredFamily> alreadyStored) {
    this.server = server;
    this.client = client;
    this.clients = clients;
    this.bsns = bsns;
    this.orgs = orgs;
    this.familiesPerBundle = familiesPerBundle;
    this.stored.addAll(alreadyStored);
  }

  public synchronized int storedFamilies() {
    return stored.size();
  }

  /** Loads families until `total` are stored; the phase's iterations are bundles. */
  public Phase.Result loadUpTo(int total, String phase) throws InterruptedException {
    AtomicLong toLoad = new AtomicLong(Math.max(0, total - storedFamilies()));
    return Phase.run(phase, server, client, clients, Duration.ofHours(2), (c, i) -> {
      long left = toLoad.getAndAdd(-familiesPerBundle);
      if (left <= 0) {
        return false;
      }
      int n = (int) Math.min(familiesPerBundle, left);
      List<Map<String, String>> families = new ArrayList<>();
      StringBuilder bundle = new StringBuilder("{\"resourceType\":\"Bundle\",\"type\":\"transaction\",\"entry\":[");
      for (int f = 0; f < n; f++) {
        Map<String, String> v = new HashMap<>();
        v.put("bsn", bsns.next());
        v.put("childBsn", bsns.next());
        v.put("family", "Bulk" + i + "x" + f);
        v.put("midwifery", orgs.midwifery());
        families.add(v);
        bundle.append(f == 0 ? "" : ",").append(FAMILY.fill(v));
      }
      bundle.append("]}");
      FhirClient.Response r = client.transaction("bulk-transaction-" + n * RESOURCES_PER_FAMILY + "-resources", bundle.toString());
      if (r.ok()) {
        List<String> ids = Template.locations(r.body());
        synchronized (this) {
          for (int f = 0; f < n; f++) {
            int at = f * RESOURCES_PER_FAMILY;
            stored.add(new StoredFamily(ids.get(at), families.get(f).get("bsn"), ids.get(at + 1), ids.get(at + 4)));
          }
        }
      }
      return true;
    });
  }

  /** The read and search mix, each iteration against one random stored family. */
  public Phase.Result readMix(String phase, Duration duration) throws InterruptedException {
    return Phase.run(phase, "geboorteketen", client, clients, duration, (c, i) -> {
      StoredFamily f = pick();
      client.get("read-patient", f.woman());
      client.get("search-patient-by-bsn", "Patient?identifier=http://fhir.nl/fhir/NamingSystem/bsn|" + f.bsn());
      client.get("search-episode-by-patient", "EpisodeOfCare?patient=" + f.woman());
      client.get("search-observation-by-subject-code", "Observation?subject=" + f.child() + "&code=http://loinc.org|8339-4");
      client.get("search-observation-by-maternal-record", "Observation?maternal-record=" + f.episode());
      // a list of references, as a handover asks for the records of mother and child
      client.get("search-observation-by-mother-and-child", "Observation?patient=" + f.woman() + "," + f.child());
      return true;
    });
  }

  private synchronized StoredFamily pick() {
    return stored.get(ThreadLocalRandom.current().nextInt(stored.size()));
  }
}
