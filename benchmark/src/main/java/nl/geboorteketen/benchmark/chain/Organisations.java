package nl.geboorteketen.benchmark.chain;

import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.HashMap;
import nl.geboorteketen.benchmark.FhirClient;
import nl.geboorteketen.benchmark.Template;

/** The chain partners every family shares, created once per server: practices and their professionals. */
public record Organisations(String midwifery, String kraamzorg, String jgz, String midwife, String kraamverzorgende) {

  public static Organisations create(FhirClient client) {
    Map<String, String> urns = new HashMap<>();
    for (int i = 1; i <= 7; i++) {
      urns.put("u" + i, UUID.randomUUID().toString());
    }
    FhirClient.Response r = client.transaction("setup-organisations", Template.load("organisations.json").fill(urns));
    if (!r.ok()) {
      throw new IllegalStateException("Organisations were refused: " + r.status() + " " + r.body());
    }
    List<String> ids = Template.locations(r.body());
    return new Organisations(ids.get(0), ids.get(1), ids.get(2), ids.get(4), ids.get(6));
  }

  public Map<String, String> references() {
    return Map.of("midwifery", midwifery, "kraamzorgOrg", kraamzorg, "jgzOrg", jgz,
        "midwife", midwife, "kraamverzorgende", kraamverzorgende);
  }
}
