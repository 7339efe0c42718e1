package nl.geboorteketen.mappings.izk;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.BiFunction;
import java.util.stream.Collectors;
import org.hl7.fhir.r4.model.Base;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.HumanName;
import org.hl7.fhir.r4.model.Property;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.Resource;

/**
 * The IZK asks a display on every reference. Records written through R4 often carry none, so the
 * view gives them the referenced record's own name: a person's name, an organisation's name, or what
 * its code or type says.
 */
public final class Displays {

  private Displays() {}

  /** "Type/id" of every reference without a display, in the record and anything it holds. */
  public static Set<String> missing(Resource record) {
    Set<String> out = new LinkedHashSet<>();
    Elements.forEach(Elements.R4, record, e -> {
      if (e instanceof Reference r && !r.hasDisplay() && target(r) != null) {
        out.add(target(r));
      }
    });
    return out;
  }

  /** Gives each reference without a display the one the map has for its target. */
  public static void fill(Resource record, Map<String, String> displays) {
    Elements.forEach(Elements.R4, record, e -> {
      if (e instanceof Reference r && !r.hasDisplay() && target(r) != null && displays.containsKey(target(r))) {
        r.setDisplay(displays.get(target(r)));
      }
    });
  }

  /**
   * Gives each coding without a display the one {@code lookup} knows for its system and code: MedMij
   * asks a display on every coding, and an R4 writer may have sent a bare code.
   */
  public static void fillCodings(Resource record, BiFunction<String, String, Optional<String>> lookup) {
    Elements.forEach(Elements.R4, record, e -> {
      if (e instanceof Coding c && !c.hasDisplay() && c.hasSystem() && c.hasCode()) {
        lookup.apply(c.getSystem(), c.getCode()).ifPresent(c::setDisplay);
      }
    });
  }

  /** A person-readable name for the record, if it has one. */
  public static Optional<String> of(Resource record) {
    Property name = record.getNamedProperty("name");
    if (name != null && !name.getValues().isEmpty()) {
      Base first = name.getValues().get(0);
      if (first instanceof HumanName human) {
        String text = human.hasText() ? human.getText()
            : (human.getGivenAsSingleString() + " " + human.getFamily()).replace("null", "").trim();
        return text.isEmpty() ? Optional.empty() : Optional.of(text);
      }
      return Optional.ofNullable(first.primitiveValue());
    }
    for (String element : List.of("code", "type")) {
      Property p = record.getNamedProperty(element);
      if (p != null && !p.getValues().isEmpty() && p.getValues().get(0) instanceof CodeableConcept cc) {
        if (cc.hasText()) {
          return Optional.of(cc.getText());
        }
        return cc.getCoding().stream().filter(c -> c.hasDisplay()).map(c -> c.getDisplay()).findFirst();
      }
    }
    return Optional.empty();
  }

  /** "Type/id" without version for a relative reference, else null. */
  static String target(Reference r) {
    return target(r.getReference());
  }

  /** "Type/id" without version for a relative reference string, else null. */
  static String target(String ref) {
    if (ref == null || !ref.matches("[A-Z][A-Za-z]+/[A-Za-z0-9\\-.]{1,64}(/_history/.*)?")) {
      return null;
    }
    String[] parts = ref.split("/");
    return parts[0] + "/" + parts[1];
  }

  /** The types of these targets, each with its ids. */
  public static Map<String, Set<String>> byType(Set<String> targets) {
    return targets.stream().collect(Collectors.groupingBy(t -> t.substring(0, t.indexOf('/')),
        Collectors.mapping(t -> t.substring(t.indexOf('/') + 1), Collectors.toCollection(LinkedHashSet::new))));
  }
}
