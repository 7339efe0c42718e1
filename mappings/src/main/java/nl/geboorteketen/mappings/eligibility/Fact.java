package nl.geboorteketen.mappings.eligibility;

import java.util.List;
import java.util.Set;

/**
 * One piece of the family's data a criterion reads: its value (a Boolean, Number, String or a
 * Set of Strings), how it reads in Dutch, and the resources it came from. A fact without a
 * value says in {@code missing} what should be recorded to know it.
 */
public record Fact(Object value, String display, List<String> sources, String missing) {

  public static Fact of(Object value, String display, List<String> sources) {
    return new Fact(value, display, List.copyOf(sources), null);
  }

  public static Fact of(Object value, String display, String source) {
    return of(value, display, source == null ? List.of() : List.of(source));
  }

  public static Fact missing(String whatToRecord) {
    return new Fact(null, null, List.of(), whatToRecord);
  }

  public boolean known() {
    return value != null && !(value instanceof Set<?> s && s.isEmpty());
  }
}
