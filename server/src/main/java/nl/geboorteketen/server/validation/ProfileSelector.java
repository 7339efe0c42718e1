package nl.geboorteketen.server.validation;

import ca.uhn.fhir.context.FhirContext;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import nl.geboorteketen.server.packages.ProfilePackage;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.ElementDefinition;
import org.hl7.fhir.r4.model.Enumerations.BindingStrength;
import org.hl7.fhir.r4.model.Resource;
import org.hl7.fhir.r4.model.StructureDefinition;
import org.hl7.fhir.r4.model.ValueSet;

/**
 * Decides which of our profiles a resource must meet, whether or not the client claims it. The
 * decision is read from the package itself: a profile that fixes {@code code} (a pattern, or a
 * required binding to an enumerated value set) applies to resources carrying such a code; a
 * profile that does not fix {@code code} applies to every resource of its type. A profile may
 * instead fix a marker coding from our own code systems on {@code type} (e.g. the programme
 * enrolment EpisodeOfCare); it then applies only to resources carrying that marker.
 */
public final class ProfileSelector {

  /**
   * One of our profiles: {@code required} are the codings the profile fixes by pattern (all must be
   * present), {@code anyOf} the codes of a required binding on {@code code} (one must be present).
   */
  private record Candidate(String url, Set<String> required, Set<String> anyOf) {
    boolean generic() {
      return required.isEmpty() && anyOf.isEmpty();
    }

    /** How many of the codes this profile fixes the resource carries (0: not this profile). */
    int matched(Set<String> codes) {
      int count = (int) required.stream().filter(codes::contains).count();
      return anyOf.stream().anyMatch(codes::contains) ? count + 1 : count;
    }
  }

  private static final String OWN_SYSTEMS = "https://fhir.geboorteketen.nl/CodeSystem/";
  private static final String EXTENSION = "extension|";

  private final Map<String, List<Candidate>> byType = new HashMap<>();

  public ProfileSelector(FhirContext ctx, ProfilePackage pkg) {
    Map<String, ValueSet> valueSets = new HashMap<>();
    List<StructureDefinition> profiles = new ArrayList<>();
    for (Resource r : pkg.resources(ctx)) {
      if (r instanceof ValueSet vs) {
        valueSets.put(vs.getUrl(), vs);
      } else if (r instanceof StructureDefinition sd
          && sd.getKind() == StructureDefinition.StructureDefinitionKind.RESOURCE
          && sd.getDerivation() == StructureDefinition.TypeDerivationRule.CONSTRAINT) {
        profiles.add(sd);
      }
    }
    // An extension only one of our profiles requires marks a resource as meant for that profile
    // (ext-related-patient: a mother link), whatever its codes say.
    Map<String, List<StructureDefinition>> requiring = new HashMap<>();
    for (StructureDefinition sd : profiles) {
      requiredExtensions(sd).forEach(url -> requiring.computeIfAbsent(url, u -> new ArrayList<>()).add(sd));
    }
    for (StructureDefinition sd : profiles) {
      Candidate c = candidate(sd, valueSets);
      requiring.forEach((url, sds) -> {
        if (sds.size() == 1 && sds.get(0) == sd) {
          c.anyOf().add(EXTENSION + url);
        }
      });
      byType.computeIfAbsent(sd.getType(), t -> new ArrayList<>()).add(c);
    }
  }

  /** All our profile urls per resource type, for the CapabilityStatement. */
  public Map<String, List<String>> profilesByType() {
    Map<String, List<String>> result = new HashMap<>();
    byType.forEach((type, list) -> result.put(type, list.stream().map(Candidate::url).sorted().toList()));
    return result;
  }

  /**
   * Whether every stored resource of its type meets this profile: it is our only profile of that type
   * and fixes no code, so it is selected for every write of the type. A reference to it then needs
   * only the right type; any other profile of ours needs a look at the target.
   */
  public boolean heldByEvery(String type, String profileUrl) {
    List<Candidate> candidates = byType.get(type);
    return candidates != null && candidates.size() == 1 && candidates.get(0).generic()
        && candidates.get(0).url().equals(profileUrl);
  }

  /** The profile this resource must conform to, if any of ours applies. */
  public Optional<String> select(Resource resource) {
    List<Candidate> candidates = byType.get(resource.fhirType());
    if (candidates == null) {
      return Optional.empty();
    }
    Set<String> codes = codesOf(resource);
    // The profile whose codes the resource carries most of; on a tie the one that asks least. So
    // 29463-7 alone is a kraamweek weight, 29463-7 with 8339-4 a birth weight, and 8339-4 alone a
    // birth weight that is then refused for lacking 29463-7, rather than stored unchecked.
    Optional<String> byCode = candidates.stream()
        .filter(c -> !c.generic() && c.matched(codes) > 0)
        .max(Comparator.comparingInt((Candidate c) -> c.matched(codes))
            .thenComparing(Comparator.comparingInt((Candidate c) -> c.required().size()).reversed()))
        .map(Candidate::url);
    if (byCode.isPresent()) {
      return byCode;
    }
    // Several profiles of one type without a fixed code (e.g. the handover Compositions): none is
    // chosen for the client; the profiles the resource claims in meta.profile are still validated.
    List<String> generic = candidates.stream().filter(Candidate::generic).map(Candidate::url).toList();
    return generic.size() == 1 ? Optional.of(generic.get(0)) : Optional.empty();
  }

  private static Set<String> requiredExtensions(StructureDefinition sd) {
    Set<String> urls = new HashSet<>();
    if (!sd.hasSnapshot()) {
      return urls;
    }
    for (ElementDefinition ed : sd.getSnapshot().getElement()) {
      if (ed.getPath().equals(sd.getType() + ".extension") && ed.hasSliceName() && ed.getMin() > 0
          && ed.hasType() && ed.getTypeFirstRep().hasProfile()) {
        urls.add(stripVersion(ed.getTypeFirstRep().getProfile().get(0).getValue()));
      }
    }
    return urls;
  }

  private static Set<String> codesOf(Resource resource) {
    Set<String> result = new HashSet<>();
    if (resource instanceof org.hl7.fhir.r4.model.DomainResource d) {
      d.getExtension().forEach(e -> result.add(EXTENSION + e.getUrl()));
    }
    for (String element : List.of("code", "type", "relationship")) {
      var property = resource.getNamedProperty(element);
      if (property == null) {
        continue;
      }
      for (var value : property.getValues()) {
        if (value instanceof CodeableConcept cc) {
          for (Coding coding : cc.getCoding()) {
            result.add(key(coding.getSystem(), coding.getCode()));
          }
        }
      }
    }
    return result;
  }

  /**
   * Reads what the profile fixes from its snapshot, so a code inherited from the nl-core parent
   * (e.g. LOINC 29463-7 of nl-core-BodyWeight) counts like one set by our own differential.
   */
  private static Candidate candidate(StructureDefinition sd, Map<String, ValueSet> valueSets) {
    Set<String> required = new HashSet<>();
    Set<String> anyOf = new HashSet<>();
    String codePath = sd.getType() + ".code";
    List<ElementDefinition> elements = sd.hasSnapshot() ? sd.getSnapshot().getElement() : sd.getDifferential().getElement();
    for (ElementDefinition ed : elements) {
      String path = ed.getPath();
      if (path.equals(sd.getType() + ".type") && ed.getPattern() instanceof CodeableConcept marker) {
        marker.getCoding().stream().filter(c -> c.getSystem() != null && c.getSystem().startsWith(OWN_SYSTEMS))
            .forEach(c -> required.add(key(c.getSystem(), c.getCode())));
      } else if (path.equals(codePath) && ed.getPattern() instanceof CodeableConcept cc) {
        cc.getCoding().forEach(c -> required.add(key(c.getSystem(), c.getCode())));
      } else if ((path.equals(codePath + ".coding") || path.equals(sd.getType() + ".relationship.coding"))
          && ed.hasSliceName() && ed.getMin() > 0 && ed.getPattern() instanceof Coding c) {
        // RelatedPerson.relationship: gk-mother is picked by MTH, so a partner is not held to be a mother link
        required.add(key(c.getSystem(), c.getCode()));
      }
      if (path.equals(codePath) && !ed.hasSliceName() && ed.hasBinding()
          && ed.getBinding().getStrength() == BindingStrength.REQUIRED) {
        ValueSet vs = valueSets.get(stripVersion(ed.getBinding().getValueSet()));
        if (vs != null) {
          vs.getCompose().getInclude().forEach(inc -> inc.getConcept()
              .forEach(c -> anyOf.add(key(inc.getSystem(), c.getCode()))));
        }
      }
    }
    return new Candidate(sd.getUrl(), required, anyOf);
  }

  private static String stripVersion(String canonical) {
    int bar = canonical == null ? -1 : canonical.indexOf('|');
    return bar < 0 ? canonical : canonical.substring(0, bar);
  }

  private static String key(String system, String code) {
    return system + "|" + code;
  }
}
