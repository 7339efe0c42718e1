package nl.geboorteketen.mappings.eligibility;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.StreamSupport;
import nl.geboorteketen.mappings.eligibility.ProgrammeTable.Criterion;
import nl.geboorteketen.mappings.eligibility.ProgrammeTable.Programme;

/**
 * Decides a family's eligibility for one programme from the programme's criteria and the facts
 * about the family. Pure: no store, no clock. A programme is eligible when every criterion is met,
 * not eligible as soon as one is not, and unknown when none fails but data is missing.
 */
public final class Eligibility {

  private Eligibility() {}

  /** How full the programme is: enrolled families, and for a capacityFrom, those that came from there. */
  public record Capacity(int enrolled, int enrolledFromOther, boolean familyInOther) {}

  public record CriterionResult(String id, String text, Outcome outcome, Fact fact, String explanation) {}

  public record Result(Programme programme, Outcome outcome, List<CriterionResult> criteria) {

    /** One Dutch paragraph a professional can read to the family as is. */
    public String summary() {
      String head = programme.name() + ": " + outcome.programmeText() + ".";
      List<CriterionResult> failed = criteria.stream().filter(c -> c.outcome() == Outcome.NOT_ELIGIBLE).toList();
      List<CriterionResult> unknown = criteria.stream().filter(c -> c.outcome() == Outcome.UNKNOWN).toList();
      StringBuilder text = new StringBuilder(head);
      if (!failed.isEmpty()) {
        text.append(" Niet voldaan: ").append(failed.stream().map(CriterionResult::explanation)
            .collect(Collectors.joining("; "))).append('.');
      }
      if (!unknown.isEmpty()) {
        text.append(" Nog niet bekend: ").append(unknown.stream().map(CriterionResult::explanation)
            .collect(Collectors.joining("; "))).append('.');
      }
      if (outcome == Outcome.ELIGIBLE) {
        text.append(" Aan alle ").append(criteria.size()).append(" voorwaarden is voldaan.");
      }
      return text.toString();
    }
  }

  public static Result evaluate(Programme programme, Map<String, Fact> facts, Capacity capacity) {
    List<CriterionResult> results = new ArrayList<>();
    for (Criterion criterion : programme.criteria()) {
      results.add(check(criterion, facts.getOrDefault(criterion.fact(),
          Fact.missing("gegeven '" + criterion.fact() + "' is niet bekend bij de server"))));
    }
    if (programme.capacity() != null) {
      results.add(capacity(programme, capacity));
    }
    Outcome overall = results.stream().anyMatch(r -> r.outcome() == Outcome.NOT_ELIGIBLE) ? Outcome.NOT_ELIGIBLE
        : results.stream().anyMatch(r -> r.outcome() == Outcome.UNKNOWN) ? Outcome.UNKNOWN : Outcome.ELIGIBLE;
    return new Result(programme, overall, List.copyOf(results));
  }

  static CriterionResult check(Criterion c, Fact fact) {
    if (!fact.known()) {
      return new CriterionResult(c.id(), c.text(), Outcome.UNKNOWN, fact,
          c.text() + " — onbekend, want " + fact.missing());
    }
    boolean met = compare(c.op(), fact.value(), c.value());
    String data = fact.display() == null ? "" : " (" + fact.display() + ")";
    return new CriterionResult(c.id(), c.text(), met ? Outcome.ELIGIBLE : Outcome.NOT_ELIGIBLE, fact,
        (met ? c.text() : "niet: " + c.text()) + data);
  }

  static boolean compare(String op, Object actual, JsonNode expected) {
    return switch (op) {
      case "eq" -> equal(actual, expected);
      case "in" -> StreamSupport.stream(expected.spliterator(), false).anyMatch(e -> equal(actual, e));
      case "le" -> number(actual).compareTo(expected.decimalValue()) <= 0;
      case "lt" -> number(actual).compareTo(expected.decimalValue()) < 0;
      case "ge" -> number(actual).compareTo(expected.decimalValue()) >= 0;
      case "gt" -> number(actual).compareTo(expected.decimalValue()) > 0;
      case "between" -> number(actual).compareTo(expected.get(0).decimalValue()) >= 0
          && number(actual).compareTo(expected.get(1).decimalValue()) <= 0;
      default -> throw new IllegalArgumentException("Onbekende vergelijking '" + op + "' in de regeltabel");
    };
  }

  private static boolean equal(Object actual, JsonNode expected) {
    if (actual instanceof Set<?> set) {
      return set.stream().anyMatch(a -> equal(a, expected));
    }
    if (actual instanceof Boolean b) {
      return expected.isBoolean() && expected.booleanValue() == b;
    }
    if (actual instanceof Number) {
      return expected.isNumber() && number(actual).compareTo(expected.decimalValue()) == 0;
    }
    return expected.isTextual() && expected.textValue().equalsIgnoreCase(String.valueOf(actual).trim());
  }

  private static BigDecimal number(Object actual) {
    if (actual instanceof Number n) {
      return new BigDecimal(n.toString());
    }
    throw new IllegalArgumentException("Gegeven " + actual + " is geen getal");
  }

  private static CriterionResult capacity(Programme p, Capacity capacity) {
    String text = "het maximum van " + p.capacity() + " gezinnen is nog niet bereikt";
    int free = p.capacity() - capacity.enrolled();
    String display = capacity.enrolled() + " van " + p.capacity() + " plaatsen bezet";
    boolean met = free > 0;
    if (met && p.capacityFrom() != null && capacity.familyInOther()) {
      text += ", en van hen komen er maximaal " + p.capacityFrom().max() + " uit " + p.capacityFrom().programme();
      display += "; " + capacity.enrolledFromOther() + " van " + p.capacityFrom().max()
          + " plaatsen voor doorstroom uit " + p.capacityFrom().programme() + " bezet";
      met = capacity.enrolledFromOther() < p.capacityFrom().max();
    }
    Fact fact = Fact.of(capacity.enrolled(), display, List.of());
    return new CriterionResult("capaciteit", text, met ? Outcome.ELIGIBLE : Outcome.NOT_ELIGIBLE, fact,
        (met ? text : "niet: " + text) + " (" + display + ")");
  }
}
