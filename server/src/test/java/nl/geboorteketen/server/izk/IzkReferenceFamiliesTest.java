package nl.geboorteketen.server.izk;

import static org.junit.jupiter.api.Assertions.assertTrue;

import ca.uhn.fhir.context.FhirContext;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpRequest;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import nl.geboorteketen.mappings.PregnancyKey;
import nl.geboorteketen.server.support.Fixtures;
import nl.geboorteketen.server.support.Http;
import nl.geboorteketen.server.support.TestServer;
import nl.geboorteketen.server.support.TestTokens;
import org.hl7.fhir.dstu3.model.EpisodeOfCare;
import org.hl7.fhir.dstu3.model.Resource;
import org.hl7.fhir.r4.model.Consent;
import org.hl7.fhir.r4.model.Parameters;
import org.hl7.fhir.r4.model.Patient;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.RelatedPerson;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfEnvironmentVariable;

/**
 * Nictiz's IZK reference families (Kraam-Casus1/2, Echo-Casus1..3), all five loaded through the IZK
 * endpoint as a chain system would, then read back as each mother's PGO and compared element by
 * element; a mother's PGO does not see the other families. The families are Nictiz's, without a
 * licence, so they are not in this repository: point GK_IZK_REFERENCE at a folder holding them
 * (README, "PGO apps"). What the loader adds, and why, is in docs/decisions.md. With
 * GK_IZK_TESTSCRIPTS (the MedMij Cert folder) it also runs Nictiz's XIS-Server scripts against them,
 * and with GK_IZK_STU3_PROFILES (Nictiz's STU3 profile folders) their profile validation too.
 */
@EnabledIfEnvironmentVariable(named = "GK_IZK_REFERENCE", matches = ".+")
class IzkReferenceFamiliesTest {

  private static final FhirContext STU3 = FhirContext.forDstu3Cached();
  private static final Pattern DATE = Pattern.compile("\\$\\{DATE, T, D, ([-+]?\\d+)\\}");
  private static final List<String> SHARED_TYPES = List.of("Organization", "Practitioner", "PractitionerRole");

  private final List<String> problems = new ArrayList<>();
  private final Map<String, String> bsnOfWoman = new LinkedHashMap<>();

  @Test
  void everyReferenceFamilyLoadsReadsBackAndStaysWithItsMother() throws IOException {
    List<ReferenceFamily> families = new ArrayList<>();
    try (Stream<Path> folders = Files.list(Path.of(System.getenv("GK_IZK_REFERENCE")))) {
      for (Path folder : folders.filter(Files::isDirectory).sorted().toList()) {
        ReferenceFamily family = ReferenceFamily.read(folder, IzkReferenceFamiliesTest::fillDates);
        if (!family.byRef.isEmpty()) {
          families.add(family);
        }
      }
    }
    families.forEach(f -> load(f, families));
    int compared = 0;
    for (ReferenceFamily f : families) {
      Http pgo = Http.shared().withToken(TestTokens.pgo(bsnOfWoman.get(f.woman())));
      for (Resource r : f.byRef.values()) {
        compare(f.name, r, izk(pgo, "GET", ReferenceFamily.ref(r), null));
        compared++;
      }
      for (ReferenceFamily other : families) {
        if (!other.woman().equals(f.woman())) {
          other.byRef.values().stream().filter(r -> !SHARED_TYPES.contains(r.fhirType())).forEach(r -> {
            int status = izk(pgo, "GET", ReferenceFamily.ref(r), null).status();
            if (status == 200) {
              problems.add(f.name + "'s PGO reads " + other.name + " " + ReferenceFamily.ref(r));
            }
          });
        }
      }
    }
    families.forEach(this::scenario);
    families.forEach(this::pregnancyKey);
    String scripts = System.getenv("GK_IZK_TESTSCRIPTS");
    if (scripts != null && !scripts.isBlank()) {
      runTestScripts(Path.of(scripts));
    }
    problems.add(0, "compared " + compared + " records");
    Files.write(Path.of("target", "izk-reference-report.txt"), problems);
    assertTrue(problems.size() == 1, (problems.size() - 1) + " problems; see target/izk-reference-report.txt; first: "
        + (problems.size() > 1 ? problems.get(1) : ""));
  }

  /**
   * Nictiz's XIS-Server and XIS-Server-CheckContent scripts (JSON and XML), run as each mother's PGO;
   * every assert's outcome goes to target/izk-testscripts-report.txt, and each failed one is a problem.
   */
  private void runTestScripts(Path cert) throws IOException {
    String profileFolders = System.getenv("GK_IZK_STU3_PROFILES");
    Stu3ProfileCheck profiles = profileFolders == null || profileFolders.isBlank() ? null
        : Stu3ProfileCheck.fromPathList(profileFolders);
    Stu3TestScripts runner = new Stu3TestScripts(root() + "/fhir/stu3",
        patientId -> TestTokens.pgo(bsnOfWoman.get("Patient/" + patientId)), profiles);
    List<Stu3TestScripts.Outcome> outcomes = new ArrayList<>();
    for (String folder : List.of("XIS-Server", "XIS-Server-CheckContent")) {
      try (Stream<Path> files = Files.list(cert.resolve(folder))) {
        for (Path script : files.filter(p -> p.toString().endsWith(".xml")).sorted().toList()) {
          outcomes.addAll(runner.run(script));
        }
      }
    }
    if (outcomes.isEmpty()) {
      problems.add("GK_IZK_TESTSCRIPTS names no folder with XIS-Server scripts: " + cert);
    }
    Map<String, Long> byStatus = new TreeMap<>(outcomes.stream()
        .collect(Collectors.groupingBy(Stu3TestScripts.Outcome::status, Collectors.counting())));
    List<String> report = new ArrayList<>(List.of("asserts: " + byStatus));
    if (profiles != null) {
      report.add("terminology messages not counted (code system not held here): " + profiles.notCounted());
    }
    outcomes.stream().filter(o -> !o.status().equals("PASS")).map(Stu3TestScripts.Outcome::toString).forEach(report::add);
    Files.write(Path.of("target", "izk-testscripts-report.txt"), report);
    outcomes.stream().filter(o -> o.status().equals("FAIL") || o.status().equals("ERROR"))
        .forEach(o -> problems.add("TestScript " + o));
  }

  /**
   * The counts the MedMij XIS-Server scenario of each family asserts (2.1, 2.2, 3.1–3.3): the maternal
   * record found by type and status, then what its context holds, includes counted in.
   */
  private static final Map<String, String> SCENARIOS = Map.of(
      "Kraam-Casus1", "finished;EpisodeOfCare=1,Organization=1;Condition=2;Encounter=0,Practitioner=0;Procedure=2,Organization=0;CareTeam=0;DiagnosticReport=-1;ReferralRequest=-1",
      "Kraam-Casus2", "finished;EpisodeOfCare=1,Organization=1;Condition=2;Encounter=1,Practitioner=1;Procedure=2,Organization=0;CareTeam=0;DiagnosticReport=-1;ReferralRequest=-1",
      "Echo-Casus1", "finished;EpisodeOfCare=1;Condition=2;Encounter=0,Practitioner=0;Procedure=1,Practitioner=1;CareTeam=-1;DiagnosticReport=1;ReferralRequest=1",
      "Echo-Casus2", "active;EpisodeOfCare=1;Condition=1;Encounter=0,Practitioner=0;Procedure=1,Practitioner=1;CareTeam=-1;DiagnosticReport=1;ReferralRequest=0",
      "Echo-Casus3", ";EpisodeOfCare=1;Condition=1;Encounter=0,Practitioner=0;Procedure=1,Practitioner=1;CareTeam=-1;DiagnosticReport=1;ReferralRequest=0");

  private void scenario(ReferenceFamily f) {
    String[] parts = SCENARIOS.get(f.name).split(";", -1);
    Http pgo = Http.shared().withToken(TestTokens.pgo(bsnOfWoman.get(f.woman())));
    String records = "EpisodeOfCare?type=http://snomed.info/sct%7C364320009" + (parts[0].isEmpty() ? "" : "&status=" + parts[0])
        + "&_include=EpisodeOfCare:organization&_include=EpisodeOfCare:care-manager";
    org.hl7.fhir.dstu3.model.Bundle found = expect(f.name, pgo, records, parts[1]);
    if (found == null) {
      return;
    }
    String episode = found.getEntry().stream().map(e -> e.getResource())
        .filter(r -> r instanceof EpisodeOfCare).map(ReferenceFamily::ref).findFirst().orElse("none");
    expect(f.name, pgo, "Condition?context=" + episode, parts[2]);
    expect(f.name, pgo, "Encounter?episodeofcare=" + episode + "&_include=Encounter:practitioner", parts[3]);
    expect(f.name, pgo, "Procedure?context=" + episode + "&_include=Procedure:performer&_include=Procedure:based-on", parts[4]);
    expect(f.name, pgo, "CareTeam?context=" + episode, parts[5]);
    expect(f.name, pgo, "DiagnosticReport?context=" + episode, parts[6]);
    expect(f.name, pgo, "ReferralRequest?context=" + episode, parts[7]);
    expect(f.name, pgo, "Observation?context:Encounter.episodeofcare=" + episode, "Observation=0");
    long observations = f.byRef.values().stream().filter(r -> r instanceof org.hl7.fhir.dstu3.model.Observation o
        && episode.equals(o.getContext().getReference())).count();
    expect(f.name, pgo, "Observation?context=" + episode, "Observation=" + observations);
  }

  /** A family whose files date the pregnancy (a due date pointing at the zib-Pregnancy Condition) has its key. */
  private void pregnancyKey(ReferenceFamily f) {
    boolean dated = f.byRef.values().stream().anyMatch(r -> r instanceof org.hl7.fhir.dstu3.model.Observation o
        && o.getCode().getCoding().stream().anyMatch(c -> "161714006".equals(c.getCode()))
        && o.getExtension().stream().anyMatch(e -> e.getUrl().endsWith("observation-focusSTU3")));
    f.byRef.values().stream().filter(r -> r instanceof EpisodeOfCare).forEach(record -> {
      org.hl7.fhir.r4.model.EpisodeOfCare stored = Http.shared().get("/fhir/" + ReferenceFamily.ref(record))
          .resource(org.hl7.fhir.r4.model.EpisodeOfCare.class);
      boolean keyed = stored.getIdentifier().stream().anyMatch(i -> PregnancyKey.SYSTEM.equals(i.getSystem()));
      if (keyed != dated) {
        problems.add(f.name + " " + ReferenceFamily.ref(record) + (dated ? " has no pregnancy key" : " has a key without dating"));
      }
    });
  }

  /** Searches as her PGO and checks "Type=n" counts (n = -1: not asserted by the scenario). */
  private org.hl7.fhir.dstu3.model.Bundle expect(String family, Http pgo, String search, String counts) {
    Http.Response r = izk(pgo, "GET", search, null);
    if (r.status() != 200) {
      problems.add(family + " " + search + ": " + r.status() + " " + r.body());
      return null;
    }
    org.hl7.fhir.dstu3.model.Bundle b = STU3.newJsonParser().parseResource(org.hl7.fhir.dstu3.model.Bundle.class, r.body());
    for (String count : counts.split(",")) {
      String type = count.substring(0, count.indexOf('='));
      int want = Integer.parseInt(count.substring(count.indexOf('=') + 1));
      long got = b.getEntry().stream().filter(e -> e.getResource().fhirType().equals(type)).count();
      if (want >= 0 && got != want) {
        problems.add(family + " " + search + ": " + got + " " + type + ", the scenario asserts " + want);
      }
    }
    return b;
  }

  /**
   * Written as the chain partner that holds it, with a partner token: the practice managing the
   * family's maternal record (a new client, then her record, then the rest). The Echo families' records
   * name no managing organisation; such a record only the beheerder may write (a practice opens a
   * record for itself), so there the family's own organisation (or, naming none, a stand-in) writes the
   * rest, the woman as its client.
   * Organisations, practitioners and roles are register data, written by the beheerder.
   */
  private void load(ReferenceFamily f, List<ReferenceFamily> all) {
    String practice = f.byRef.values().stream().filter(r -> r instanceof EpisodeOfCare e && e.hasManagingOrganization())
        .map(r -> ((EpisodeOfCare) r).getManagingOrganization().getReference()).findFirst()
        .orElseGet(() -> f.byRef.values().stream().flatMap(r -> ReferenceFamily.references(r).stream())
            .filter(ref -> ref.startsWith("Organization/")).sorted().findFirst()
            .orElse("Organization/izk-" + f.name.toLowerCase())); // Echo-Casus3 names none
    Http partner = Http.shared().withToken(TestTokens.partner("verloskundige", practice));
    if (bsnOfWoman.containsKey(f.woman())) {
      // her second pregnancy (Echo-Casus1 and 2), at another organisation: the beheerder lets it in
      put(f.name, f.byRef.containsKey(practice) ? f.byRef.get(practice) : stubOrganization(practice, null), Http.shared());
      grant(f.woman(), practice);
    }
    Map<String, String> missing = f.missing(all);
    List<EpisodeOfCare> diagnosesLater = new ArrayList<>();
    for (Resource r : f.inLoadOrder()) {
      Resource toWrite = r;
      if (r instanceof org.hl7.fhir.dstu3.model.Patient woman) {
        toWrite = withABsn(woman); // she reads herself back masked, as in the file
      }
      missing.forEach((ref, display) -> {
        if (ref.startsWith("Organization/")) {
          put(f.name, stubOrganization(ref, display), Http.shared());
        }
      });
      missing.keySet().removeIf(ref -> ref.startsWith("Organization/"));
      if (r instanceof EpisodeOfCare record && record.hasDiagnosis()) {
        // its pregnancy (Condition) points back at it: the record first, its diagnosis once the Condition is there
        diagnosesLater.add(record);
        toWrite = ReferenceFamily.withoutDiagnosis(record);
      }
      put(f.name, toWrite, SHARED_TYPES.contains(r.fhirType()) || unmanagedRecord(r) ? Http.shared() : partner);
      if (r instanceof org.hl7.fhir.dstu3.model.Patient woman) {
        String mother = ReferenceFamily.ref(woman);
        consent(mother);
        missing.keySet().stream().filter(ref -> ref.startsWith("Patient/")).toList()
            .forEach(child -> { childAtBirth(child, missing.get(child), mother, partner); missing.remove(child); });
      }
    }
    diagnosesLater.forEach(record -> put(f.name, record, unmanagedRecord(record) ? Http.shared() : partner));
    missing.forEach((ref, display) -> problems.add(f.name + " refers to " + ref + " (" + display + "), in no family"));
  }

  private static boolean unmanagedRecord(Resource r) {
    return r instanceof EpisodeOfCare record && !record.hasManagingOrganization();
  }

  private void put(String family, Resource r, Http as) {
    Http.Response answer = izk(as, "PUT", ReferenceFamily.ref(r), STU3.newJsonParser().encodeResourceToString(r));
    if (answer.status() != 200 && answer.status() != 201) {
      problems.add(family + " " + ReferenceFamily.ref(r) + ": " + answer.status() + " " + answer.body());
    }
  }

  /** Read back as her PGO: the same record, but for the server's own meta. */
  private void compare(String family, Resource written, Http.Response read) {
    String ref = ReferenceFamily.ref(written);
    if (read.status() != 200) {
      problems.add(family + " " + ref + " read back: " + read.status() + " " + read.body());
      return;
    }
    String shown = read.body();
    if (written instanceof EpisodeOfCare) {
      // the pregnancy key is the server's addition (checked in pregnancyKey), the rest must be as written
      var record = STU3.newJsonParser().parseResource(EpisodeOfCare.class, shown);
      record.getIdentifier().removeIf(i -> PregnancyKey.SYSTEM.equals(i.getSystem()));
      shown = STU3.newJsonParser().encodeResourceToString(record);
    }
    List<String> diffs = JsonDiff.of(STU3.newJsonParser().encodeResourceToString(written), shown);
    if (!diffs.isEmpty()) {
      problems.add(family + " " + ref + " differs: " + String.join("; ", diffs.subList(0, Math.min(6, diffs.size()))));
    }
  }

  /**
   * The reference women's BSN is masked (the files are what a PGO receives). A care provider's system
   * holds the real number, and a PGO token names it, so each woman gets a valid one here.
   */
  private Resource withABsn(org.hl7.fhir.dstu3.model.Patient woman) {
    String bsn = bsnOfWoman.computeIfAbsent(ReferenceFamily.ref(woman), w -> Fixtures.randomBsn());
    var copy = STU3.newJsonParser().parseResource(org.hl7.fhir.dstu3.model.Patient.class,
        STU3.newJsonParser().encodeResourceToString(woman));
    copy.getIdentifier().stream().filter(i -> Fixtures.BSN_SYSTEM.equals(i.getSystem())).forEach(i -> {
      i.getValueElement().getExtension().clear();
      i.setValue(bsn);
    });
    return copy;
  }

  private void grant(String woman, String organisation) {
    Parameters in = new Parameters();
    in.addParameter("organisatie", new Reference(organisation));
    in.addParameter("reden", "tweede zwangerschap, andere echopraktijk");
    Http.Response granted = Http.shared().postJson("/fhir/" + woman + "/$zorgrelatie-verlenen", in);
    if (granted.status() != 200) {
      problems.add("granting " + organisation + " for " + woman + ": " + granted);
    }
  }

  /** Her pgo-delen permit: without it her PGO sees nothing (as on R4). */
  private static void consent(String mother) {
    Consent consent = Fixtures.example(Consent.class, "family-jansen-consent-pgo");
    consent.setId((String) null);
    consent.setPatient(new Reference(mother));
    Http.shared().postJson("/fhir/Consent", consent);
  }

  /** The children are referred to but not in the files: written as the midwife would at birth, with the mother link. */
  private void childAtBirth(String child, String display, String mother, Http partner) {
    Patient patient = Fixtures.example(Patient.class, "family-jansen-daan");
    patient.setId(child.substring("Patient/".length()));
    patient.getIdentifier().forEach(i -> i.setValue(Fixtures.randomBsn()));
    String[] names = (display == null ? "Kind Onbekend" : display).split(" ");
    patient.getNameFirstRep().setFamily(names[names.length - 1]).getGiven().get(0).setValue(names[0]);
    patient.setBirthDate(java.sql.Date.valueOf(LocalDate.now().minusDays(10)));
    Http.Response stored = partner.put("/fhir/" + child, Http.FHIR.newJsonParser().encodeResourceToString(patient),
        "application/fhir+json");
    RelatedPerson link = Fixtures.example(RelatedPerson.class, "family-jansen-daan-moeder");
    link.setId((String) null);
    link.getExtension().removeIf(e -> e.getUrl().endsWith("ext-maternal-record"));
    link.setPatient(new Reference(child));
    link.getExtensionByUrl("https://fhir.geboorteketen.nl/StructureDefinition/ext-related-patient").setValue(new Reference(mother));
    Http.Response linked = partner.postJson("/fhir/RelatedPerson", link);
    if (stored.status() >= 300 || linked.status() >= 300) {
      problems.add("child " + child + ": " + stored + " / " + linked);
    }
  }

  private static org.hl7.fhir.dstu3.model.Organization stubOrganization(String ref, String display) {
    org.hl7.fhir.dstu3.model.Organization org = new org.hl7.fhir.dstu3.model.Organization();
    org.setId(ref.substring("Organization/".length()));
    org.setName(display == null ? "Onbekende organisatie" : display);
    // a stand-in for a record the reference data names but does not hold; our organisations carry an AGB or URA
    org.addIdentifier().setSystem("http://fhir.nl/fhir/NamingSystem/agb-z").setValue("99999999");
    org.getMeta().addProfile("http://fhir.nl/fhir/StructureDefinition/nl-core-organization");
    return org;
  }

  private static Http.Response izk(Http as, String method, String path, String body) {
    HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(root() + "/fhir/stu3/" + path))
        .header("Accept", "application/fhir+json");
    if (body != null) {
      request.method(method, HttpRequest.BodyPublishers.ofString(body)).header("Content-Type", "application/fhir+json");
    }
    return as.send(request);
  }

  private static String fillDates(String text) {
    Matcher m = DATE.matcher(text);
    StringBuilder out = new StringBuilder();
    while (m.find()) {
      m.appendReplacement(out, LocalDate.now().plusDays(Long.parseLong(m.group(1))).toString());
    }
    m.appendTail(out);
    return out.toString();
  }

  private static String root() {
    String base = TestServer.shared().baseUrl();
    return base.substring(0, base.length() - "/fhir".length());
  }
}
