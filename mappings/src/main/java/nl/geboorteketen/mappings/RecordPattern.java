package nl.geboorteketen.mappings;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.hl7.fhir.r4.model.Base;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.ElementDefinition;
import org.hl7.fhir.r4.model.Property;
import org.hl7.fhir.r4.model.Resource;
import org.hl7.fhir.r4.model.StructureDefinition;

/**
 * What a profile fixes, so rules can find its records by content: the resource type and, per
 * element ({@code code}, {@code category}, {@code type}), the codings ("system|code") every such
 * record carries. A record matches whether or not it claims the profile in meta.profile — an EHR
 * writes by code and never names our profile.
 */
public record RecordPattern(String type, Map<String, Set<String>> fixed) {

  /** The coded elements a profile can fix that tell its records apart. */
  public static final List<String> ELEMENTS = List.of("code", "category", "type");

  public RecordPattern {
    Map<String, Set<String>> copy = new LinkedHashMap<>();
    (fixed == null ? Map.<String, Set<String>>of() : fixed).forEach((element, codings) -> {
      if (!codings.isEmpty()) {
        copy.put(element, Collections.unmodifiableSet(new LinkedHashSet<>(codings)));
      }
    });
    fixed = Collections.unmodifiableMap(copy);
  }

  /** True when the profile fixes no coding, so it cannot tell its records from others of the type. */
  public boolean fixesNothing() {
    return fixed.isEmpty();
  }

  public boolean matches(Resource r) {
    if (!type.equals(r.fhirType())) {
      return false;
    }
    return fixed.entrySet().stream().allMatch(e -> codings(r, e.getKey()).containsAll(e.getValue()));
  }

  /**
   * Reads the fixed codings from the profile (its snapshot, else its differential): a pattern on
   * the element itself, a required slice of it with a pattern, or a required slice of its
   * {@code coding} with a pattern. Codes the profile only binds to a value set are not fixed.
   */
  public static RecordPattern of(StructureDefinition sd) {
    Map<String, Set<String>> fixed = new LinkedHashMap<>();
    List<ElementDefinition> elements = sd.hasSnapshot() ? sd.getSnapshot().getElement() : sd.getDifferential().getElement();
    for (ElementDefinition ed : elements) {
      boolean counts = !ed.hasSliceName() || ed.getMin() > 0;
      for (String element : ELEMENTS) {
        String path = sd.getType() + "." + element;
        if (counts && ed.getPath().equals(path) && ed.getPattern() instanceof CodeableConcept cc) {
          cc.getCoding().forEach(c -> add(fixed, element, c));
        } else if (counts && ed.getPath().equals(path + ".coding") && ed.getPattern() instanceof Coding c) {
          add(fixed, element, c);
        }
      }
    }
    return new RecordPattern(sd.getType(), fixed);
  }

  /** "system|code" of every coding in this element of the record (any repetition). */
  public static Set<String> codings(Resource r, String element) {
    Set<String> result = new LinkedHashSet<>();
    Property p = r.getNamedProperty(element);
    if (p == null) {
      return result;
    }
    for (Base value : p.getValues()) {
      if (value instanceof CodeableConcept cc) {
        for (Coding c : cc.getCoding()) {
          result.add(c.getSystem() + "|" + c.getCode());
        }
      }
    }
    return result;
  }

  @Override
  public String toString() {
    List<String> parts = new ArrayList<>();
    fixed.forEach((element, codings) -> parts.add(element + " " + String.join(" and ", codings)));
    return parts.isEmpty() ? type : type + " " + String.join(", ", parts);
  }

  private static void add(Map<String, Set<String>> fixed, String element, Coding c) {
    if (c.hasSystem() && c.hasCode()) {
      fixed.computeIfAbsent(element, e -> new LinkedHashSet<>()).add(c.getSystem() + "|" + c.getCode());
    }
  }
}
