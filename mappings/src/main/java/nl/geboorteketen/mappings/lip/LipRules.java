package nl.geboorteketen.mappings.lip;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.util.List;
import java.util.Optional;

/**
 * The LIP rule table as read from its Library (profiles/rules/lip-2008.json). Field names follow
 * the JSON; the meaning of each is documented there and in README.
 */
public record LipRules(
    String url,
    String version,
    Basis basis,
    Minimum minimum,
    OpMaat opMaat,
    List<MoreFactor> moreFactors,
    List<FewerFactor> fewerFactors,
    HospitalDays hospitalDays,
    BirthCentre birthCentre,
    Bound floor,
    Bound ceiling,
    Intake intake) {

  public record Basis(String label, int careDays, List<BasisComponent> components) {}

  public record BasisComponent(String code, String label, Double firstChild, Double laterChild,
      Double breastfeeding, Double formula, boolean assumption) {

    double hours(boolean first, Feeding feeding) {
      if (breastfeeding != null || formula != null) {
        return feeding == Feeding.BREAST ? orZero(breastfeeding) : orZero(formula);
      }
      return first ? orZero(firstChild) : orZero(laterChild);
    }
  }

  public record Minimum(String label, double hours, int careDays, double hoursPerDay, List<FixedComponent> components) {}

  public record FixedComponent(String code, String label, double hours) {}

  public record OpMaat(String label, double minHours, double maxHours, int maxCareDays, int careDaysWithMoreFactors) {}

  public record MoreFactor(String code, String label, double extraHours, boolean assumption) {}

  public record FewerFactor(String code, String label, String effect, Double hours, boolean assumption) {}

  public record HospitalDays(double deductPerDayBreastfeeding, double deductPerDayFormula, boolean dischargeDayCounts) {

    double perDay(Feeding feeding) {
      return feeding == Feeding.BREAST ? deductPerDayBreastfeeding : deductPerDayFormula;
    }

    int deductibleDays(int days) {
      return dischargeDayCounts ? days : Math.max(0, days - 1);
    }
  }

  public record BirthCentre(int maxPaidLyingInDays, boolean lyingInDayDeductsLikeHospitalDay) {}

  public record Bound(double hours, int careDays) {}

  public record Intake(String firstChild, String laterChild, String laterChildOnIndication) {}

  public Optional<MoreFactor> moreFactor(String code) {
    return moreFactors.stream().filter(f -> f.code().equals(code)).findFirst();
  }

  public Optional<FewerFactor> fewerFactor(String code) {
    return fewerFactors.stream().filter(f -> f.code().equals(code)).findFirst();
  }

  public Optional<FewerFactor> fewerFactorWithEffect(String effect) {
    return fewerFactors.stream().filter(f -> f.effect().equals(effect)).findFirst();
  }

  public String canonical() {
    return url + "|" + version;
  }

  private static final ObjectMapper MAPPER = new ObjectMapper()
      .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);

  /** Parses a rule table document ({"url", "version", "rules": {...}}). */
  public static LipRules parse(byte[] json) {
    try {
      JsonNode doc = MAPPER.readTree(json);
      JsonNode rules = doc.path("rules");
      LipRules parsed = new LipRules(
          doc.path("url").asText(),
          doc.path("version").asText(),
          MAPPER.treeToValue(rules.path("basis"), Basis.class),
          MAPPER.treeToValue(rules.path("minimum"), Minimum.class),
          MAPPER.treeToValue(rules.path("opMaat"), OpMaat.class),
          list(rules, "moreFactors", MoreFactor[].class),
          list(rules, "fewerFactors", FewerFactor[].class),
          MAPPER.treeToValue(rules.path("hospitalDays"), HospitalDays.class),
          MAPPER.treeToValue(rules.path("birthCentre"), BirthCentre.class),
          MAPPER.treeToValue(rules.path("floor"), Bound.class),
          MAPPER.treeToValue(rules.path("ceiling"), Bound.class),
          MAPPER.treeToValue(rules.path("intake"), Intake.class));
      parsed.check();
      return parsed;
    } catch (IOException e) {
      throw new IllegalArgumentException("LIP rule table is not valid JSON: " + e.getMessage(), e);
    }
  }

  private static <T> List<T> list(JsonNode rules, String field, Class<T[]> type) throws IOException {
    if (!rules.path(field).isArray()) {
      throw new IllegalArgumentException("rules." + field + " ontbreekt of is geen lijst");
    }
    return List.of(MAPPER.treeToValue(rules.path(field), type));
  }

  /** A table the calculator cannot apply is refused when it is loaded, not when a family needs it. */
  private void check() {
    for (Object[] part : new Object[][] {{"basis", basis}, {"minimum", minimum}, {"opMaat", opMaat},
        {"hospitalDays", hospitalDays}, {"birthCentre", birthCentre}, {"floor", floor}, {"ceiling", ceiling},
        {"intake", intake}}) {
      if (part[1] == null) {
        throw new IllegalArgumentException("rules." + part[0] + " ontbreekt");
      }
    }
    if (basis.components() == null || basis.components().isEmpty()) {
      throw new IllegalArgumentException("rules.basis.components is leeg");
    }
    if (floor.hours() > ceiling.hours()) {
      throw new IllegalArgumentException("rules.floor.hours (" + floor.hours() + ") ligt boven rules.ceiling.hours ("
          + ceiling.hours() + ")");
    }
  }

  private static double orZero(Double value) {
    return value == null ? 0 : value;
  }
}
