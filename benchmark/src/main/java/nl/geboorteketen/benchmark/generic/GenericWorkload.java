package nl.geboorteketen.benchmark.generic;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import nl.geboorteketen.benchmark.Bsn;
import nl.geboorteketen.benchmark.FhirClient;
import nl.geboorteketen.benchmark.Phase;
import nl.geboorteketen.benchmark.Template;
import nl.geboorteketen.benchmark.chain.Organisations;

/**
 * The same plain workload for our server and the bare HAPI server: creates of Patient and
 * Observation (birth weight), then reads of them by id, then searches (Patient by BSN,
 * Observation by subject and code). Same bodies on both servers, so the ratio shows what our
 * package, validation and interceptors cost.
 */
public final class GenericWorkload {

  private static final Template PATIENT = Template.load("generic-patient.json");
  private static final Template OBSERVATION = Template.load("generic-observation.json");

  private final FhirClient client;
  private final String server;
  private final int clients;
  private final Bsn bsns;
  private final List<String[]> created = new ArrayList<>();  // {patient id, bsn, observation id}
  private String episode;

  private final Organisations given;

  public GenericWorkload(FhirClient client, String server, int clients, Bsn bsns) {
    this(client, server, clients, bsns, null);
  }

  /**
   * orgs: the organisations to use (a partner cannot register them); null: register new ones. Sent
   * as a midwife of {@code orgs.midwifery()}, the workload is a partner's: she registers the women
   * she then reads and searches, so every request goes through the family check.
   */
  public GenericWorkload(FhirClient client, String server, int clients, Bsn bsns, Organisations orgs) {
    this.client = client;
    this.server = server;
    this.clients = clients;
    this.bsns = bsns;
    this.given = orgs;
  }

  /** One organisation and maternal record the observations point to. */
  public void setUp() {
    Organisations orgs = given != null ? given : Organisations.create(client);
    FhirClient.Response r = client.transaction("setup-maternal-record",
        Template.load("register-woman.json").fill(Map.of("bsn", bsns.next(), "family", "Generiek",
            "midwifery", orgs.midwifery())));
    if (!r.ok()) {
      throw new IllegalStateException("Setup refused: " + r.status() + " " + r.body());
    }
    episode = Template.locations(r.body()).get(1);
  }

  public Phase.Result creates(String phase, Duration duration) throws InterruptedException {
    return Phase.run(phase, server, client, clients, duration, (c, i) -> {
      String bsn = bsns.next();
      FhirClient.Response p = client.post("create-patient", "Patient",
          PATIENT.fill(Map.of("bsn", bsn, "family", "Generiek" + i)));
      if (!p.ok()) {
        return true;
      }
      String patient = Template.idFromLocation(p.location(), client.baseUrl());
      FhirClient.Response o = client.post("create-observation", "Observation",
          OBSERVATION.fill(Map.of("episode", episode, "subject", patient,
              "grams", String.valueOf(2500 + ThreadLocalRandom.current().nextInt(2000)))));
      if (o.ok()) {
        synchronized (created) {
          created.add(new String[] {patient, bsn, Template.idFromLocation(o.location(), client.baseUrl())});
        }
      }
      return true;
    });
  }

  public Phase.Result reads(String phase, Duration duration) throws InterruptedException {
    return Phase.run(phase, server, client, clients, duration, (c, i) -> {
      String[] one = pick();
      client.get("read-patient", one[0]);
      client.get("read-observation", one[2]);
      return true;
    });
  }

  public Phase.Result searches(String phase, Duration duration) throws InterruptedException {
    return Phase.run(phase, server, client, clients, duration, (c, i) -> {
      String[] one = pick();
      client.get("search-patient-by-identifier", "Patient?identifier=http://fhir.nl/fhir/NamingSystem/bsn|" + one[1]);
      client.get("search-observation-by-subject-code", "Observation?subject=" + one[0] + "&code=http://loinc.org|8339-4");
      return true;
    });
  }

  private String[] pick() {
    synchronized (created) {
      if (created.isEmpty()) {
        throw new IllegalStateException("nothing was created");
      }
      return created.get(ThreadLocalRandom.current().nextInt(created.size()));
    }
  }
}
