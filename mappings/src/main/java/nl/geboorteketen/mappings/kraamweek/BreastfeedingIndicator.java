package nl.geboorteketen.mappings.kraamweek;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.hl7.fhir.r4.model.Observation;

/**
 * Breastfeeding success (domain brief §2): of the children exclusively breastfed on their first care
 * day, the share still exclusively breastfed on their last care day. A care day is a calendar day with a
 * feeding-type observation; a child counts in the period that holds its first care day. Pure function.
 */
public final class BreastfeedingIndicator {

  public record ChildCount(String patient, LocalDate firstCareDay, LocalDate lastCareDay, boolean inNumerator) {}

  public record Result(int numerator, int denominator, List<ChildCount> children) {
    /** Numerator / denominator, or null when no child was exclusively breastfed on day one. */
    public Double fraction() {
      return denominator == 0 ? null : (double) numerator / denominator;
    }
  }

  private BreastfeedingIndicator() {}

  /**
   * @param feeding the organisation's feeding-type observations (any period; the function selects)
   * @param exclusiveCodes "system|code" values that count as exclusive breastfeeding
   */
  public static Result compute(List<Observation> feeding, Set<String> exclusiveCodes,
      LocalDate start, LocalDate end, ZoneId zone) {
    Map<String, List<Observation>> byChild = feeding.stream()
        .filter(o -> o.hasSubject() && o.hasEffectiveDateTimeType())
        .filter(o -> o.getStatus() != Observation.ObservationStatus.ENTEREDINERROR)
        .collect(Collectors.groupingBy(o -> o.getSubject().getReferenceElement().toUnqualifiedVersionless().getValue(),
            TreeMap::new, Collectors.toList()));
    List<ChildCount> counted = new ArrayList<>();
    byChild.forEach((child, observations) -> {
      TreeMap<LocalDate, List<Observation>> byDay = observations.stream().collect(Collectors.groupingBy(
          o -> o.getEffectiveDateTimeType().getValue().toInstant().atZone(zone).toLocalDate(),
          TreeMap::new, Collectors.toList()));
      LocalDate first = byDay.firstKey();
      LocalDate last = byDay.lastKey();
      if (first.isBefore(start) || first.isAfter(end) || !exclusive(byDay.firstEntry().getValue(), exclusiveCodes)) {
        return;
      }
      counted.add(new ChildCount(child, first, last, exclusive(byDay.lastEntry().getValue(), exclusiveCodes)));
    });
    int numerator = (int) counted.stream().filter(ChildCount::inNumerator).count();
    return new Result(numerator, counted.size(), counted);
  }

  private static boolean exclusive(List<Observation> day, Set<String> codes) {
    return day.stream().allMatch(o -> FeedingPattern.feedingType(o).filter(type -> type.getCoding().stream()
        .anyMatch(c -> codes.contains(c.getSystem() + "|" + c.getCode()))).isPresent());
  }
}
