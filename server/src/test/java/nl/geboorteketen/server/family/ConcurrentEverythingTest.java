package nl.geboorteketen.server.family;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import nl.geboorteketen.server.support.Fixtures;
import nl.geboorteketen.server.support.Http;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Flag;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.Patient;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Type-level Patient/$everything by several partners at once while records come and go: never a
 * 500 (it answered "Index N out of bounds" when a resource was deleted between HAPI finding its id
 * and loading it), and each partner sees its own family only.
 */
class ConcurrentEverythingTest {

  private static final List<StoredFamily> FAMILIES = new ArrayList<>();

  @BeforeAll
  static void families() {
    for (int i = 0; i < 3; i++) {
      FAMILIES.add(new StoredFamily());
    }
  }

  @Test
  void aDeletedPatientDoesNotBreakTypeLevelEverything() {
    String gone = StoredFamily.create(newWoman());
    assertEquals(200, Http.shared().delete("/fhir/" + gone).status());
    for (StoredFamily f : FAMILIES) {
      Set<String> got = StoredFamily.refs(f.midwife().get("/fhir/Patient/$everything?_count=100"));
      assertTrue(got.contains(f.mother()), () -> "her own family: " + got);
    }
  }

  @Test
  void partnersAtOnceWhileRecordsAreDeleted() throws Exception {
    List<String> failures = Collections.synchronizedList(new ArrayList<>());
    AtomicInteger answered = new AtomicInteger();
    long until = System.currentTimeMillis() + 30_000;
    ExecutorService pool = Executors.newFixedThreadPool(7);
    List<Future<?>> running = new ArrayList<>();
    running.add(pool.submit(() -> {
      int n = 0;
      while (System.currentTimeMillis() < until) {
        // records of the families come and go while they are searched, as in the chain's daily use
        StoredFamily f = FAMILIES.get(n++ % FAMILIES.size());
        String flag = StoredFamily.create(new Flag().setStatus(Flag.FlagStatus.ACTIVE)
            .setSubject(new Reference(n % 2 == 0 ? f.mother() : f.child()))
            .setCode(new CodeableConcept().setText("signaal " + n)));
        String woman = StoredFamily.create(newWoman());
        Http.shared().delete("/fhir/" + flag);
        Http.shared().delete("/fhir/" + woman);
      }
    }));
    for (int t = 0; t < 6; t++) {
      StoredFamily mine = FAMILIES.get(t % FAMILIES.size());
      boolean typeLevel = t % 2 == 0;
      running.add(pool.submit(() -> {
        int n = 0;
        while (System.currentTimeMillis() < until) {
          String path = typeLevel ? "/fhir/Patient/$everything?_count=" + (5 + n++ % 30)
              : "/fhir/" + mine.mother() + "/$everything?_count=" + (5 + n++ % 30);
          Http.Response r = mine.midwife().get(path);
          answered.incrementAndGet();
          if (r.status() != 200) {
            failures.add(path + " → " + r);
            continue;
          }
          Bundle page = r.resource(Bundle.class);
          if (page.getLink("next") != null && n % 3 == 0) {
            // the next page is served while HAPI's search thread may still be filling the search
            String next = page.getLink("next").getUrl();
            Http.Response more = mine.midwife().get(next.substring(next.indexOf("/fhir")));
            answered.incrementAndGet();
            if (more.status() != 200) {
              failures.add(next + " → " + more);
              continue;
            }
            page.getEntry().addAll(more.resource(Bundle.class).getEntry());
          }
          for (Bundle.BundleEntryComponent e : page.getEntry()) {
            String ref = e.getResource().fhirType() + "/" + e.getResource().getIdElement().getIdPart();
            for (StoredFamily other : FAMILIES) {
              if (other != mine && (ref.equals(other.mother()) || ref.equals(other.child()))) {
                failures.add(path + " showed " + ref + " of another family");
              }
            }
          }
        }
      }));
    }
    for (Future<?> f : running) {
      f.get(180, TimeUnit.SECONDS);
    }
    pool.shutdown();
    assertTrue(answered.get() > 20, "the partners got answers: " + answered.get());
    assertTrue(failures.isEmpty(), () -> failures.size() + " of " + answered.get() + " failed, first: " + failures.get(0));
  }

  private static Patient newWoman() {
    Patient woman = Fixtures.example(Patient.class, "family-jansen-anna");
    woman.setId((String) null);
    woman.getIdentifier().stream().filter(i -> Fixtures.BSN_SYSTEM.equals(i.getSystem()))
        .forEach(i -> i.setValue(Fixtures.randomBsn()));
    return woman;
  }
}
