package nl.geboorteketen.mappings.eligibility;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** The programmes and their criteria, read from the rule table Library/ondersteuningsprogrammas. */
public record ProgrammeTable(String version, List<Programme> programmes) {

  public static final String URL = "https://fhir.geboorteketen.nl/Library/ondersteuningsprogrammas";

  /** One criterion: the fact it reads, how it compares, and what it means in Dutch. */
  public record Criterion(String id, String fact, String op, JsonNode value, String text) {}

  /** A further programme whose enrolments count towards this one's capacity, at most {@code max}. */
  public record CapacityFrom(String programme, int max) {}

  public record Programme(String code, String system, String name, String source, Integer capacity,
      CapacityFrom capacityFrom, List<Criterion> criteria) {}

  public Optional<Programme> find(String code) {
    return programmes.stream().filter(p -> p.code().equals(code)).findFirst();
  }

  public static ProgrammeTable parse(byte[] json) {
    try {
      JsonNode root = new ObjectMapper().readTree(json);
      List<Programme> programmes = new ArrayList<>();
      JsonNode listed = root.path("rules").path("programmes");
      if (!listed.isArray() || listed.isEmpty()) {
        throw new IllegalArgumentException("De regeltabel noemt geen programma's (rules.programmes is leeg of ontbreekt).");
      }
      for (JsonNode p : listed) {
        if (p.path("code").asText("").isBlank()) {
          throw new IllegalArgumentException("Een programma in de regeltabel heeft geen code.");
        }
        List<Criterion> criteria = new ArrayList<>();
        for (JsonNode c : p.path("criteria")) {
          criteria.add(new Criterion(c.path("id").asText(), c.path("fact").asText(), c.path("op").asText(),
              c.path("value"), c.path("text").asText()));
        }
        JsonNode from = p.path("capacityFrom");
        programmes.add(new Programme(p.path("code").asText(), p.path("system").asText(null),
            p.path("name").asText(), p.path("source").asText(""),
            p.hasNonNull("capacity") ? p.get("capacity").asInt() : null,
            from.isObject() ? new CapacityFrom(from.path("programme").asText(), from.path("max").asInt()) : null,
            List.copyOf(criteria)));
      }
      return new ProgrammeTable(root.path("version").asText(""), List.copyOf(programmes));
    } catch (IOException e) {
      throw new UncheckedIOException("Rule table " + URL + " is not valid JSON", e);
    }
  }
}
