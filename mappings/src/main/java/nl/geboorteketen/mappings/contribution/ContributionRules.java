package nl.geboorteketen.mappings.contribution;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/** The own-contribution rate table (profiles/rules/eigen-bijdrage.json): a rate per care year. */
public record ContributionRules(String url, String version, String currency, TreeMap<Integer, BigDecimal> ratePerHour,
    List<String> waivedForProgrammes) {

  public static final String URL = "https://fhir.geboorteketen.nl/Library/eigen-bijdrage";

  private static final ObjectMapper MAPPER = new ObjectMapper()
      .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);

  /** The rate of this year, or of the latest earlier year the table knows. */
  public Optional<Map.Entry<Integer, BigDecimal>> rateFor(int year) {
    return Optional.ofNullable(ratePerHour.floorEntry(year));
  }

  public String canonical() {
    return url + "|" + version;
  }

  public static ContributionRules parse(byte[] json) {
    try {
      JsonNode doc = MAPPER.readTree(json);
      JsonNode rules = doc.path("rules");
      TreeMap<Integer, BigDecimal> rates = new TreeMap<>();
      rules.path("ratePerHour").fields().forEachRemaining(e -> rates.put(Integer.parseInt(e.getKey()), e.getValue().decimalValue()));
      if (rates.isEmpty() || !rules.path("currency").isTextual()) {
        throw new IllegalArgumentException("rules.currency and at least one rules.ratePerHour entry (year: rate) are required");
      }
      List<String> waived = List.of(MAPPER.treeToValue(rules.path("waivedForProgrammes"), String[].class));
      return new ContributionRules(doc.path("url").asText(), doc.path("version").asText(),
          rules.path("currency").asText(), rates, waived);
    } catch (IOException | NumberFormatException e) {
      throw new IllegalArgumentException("Own-contribution table is not valid: " + e.getMessage(), e);
    }
  }
}
