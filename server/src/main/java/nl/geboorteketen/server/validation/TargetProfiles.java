package nl.geboorteketen.server.validation;

import ca.uhn.fhir.context.FhirContext;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.stream.Collectors;
import nl.geboorteketen.server.packages.ProfilePackage;
import org.hl7.fhir.r4.model.Base;
import org.hl7.fhir.r4.model.CanonicalType;
import org.hl7.fhir.r4.model.DomainResource;
import org.hl7.fhir.r4.model.ElementDefinition;
import org.hl7.fhir.r4.model.Extension;
import org.hl7.fhir.r4.model.IdType;
import org.hl7.fhir.r4.model.Property;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.Resource;
import org.hl7.fhir.r4.model.StructureDefinition;

/**
 * The target profiles our profiles ask for that the target's type alone does not settle: a profile
 * of ours that is not the only one of its type, or that fixes a code (e.g. ext-maternal-record must
 * point at a gk-maternal-record, not at a programme enrolment; {@code replaces} at a kraamzorg
 * indication). Such a target is looked up (in the transaction, else in the store) and must be a
 * resource the server selects or validated that profile for: every stored resource was validated
 * against those on its own write, so this is conformance without validating the target again.
 * The target's type, and a reference to a profile that every resource of its type meets, are the
 * instance validator's part (from the reference URL, no look-up).
 */
public final class TargetProfiles {

  /** A refused reference: the element (FHIRPath with indexes) and why, in Dutch. */
  public record Problem(String expression, String message) {}

  /** One reference element: below the resource ({@code path}) or an extension's value, and per target type the profiles allowed. */
  private record Rule(List<String> path, String extensionUrl, Map<String, Set<String>> profilesByType) {}

  private static final String CORE = "http://hl7.org/fhir/StructureDefinition/";

  private final ProfileSelector selector;
  private final Function<String, Optional<Resource>> stored;
  private final TargetVisibility visibility;
  private final Map<String, List<Rule>> byProfile = new HashMap<>();
  private final List<Rule> extensions = new ArrayList<>();
  private final Map<String, String> names = new HashMap<>();

  /**
   * @param stored reads a stored resource by {@code Type/id}, whoever owns it; empty when there is none
   * @param visibility whether the caller may see a stored target; one it may not see is not judged here
   */
  public TargetProfiles(FhirContext ctx, ProfilePackage pkg, ProfileSelector selector,
      Function<String, Optional<Resource>> stored, TargetVisibility visibility) {
    this.selector = selector;
    this.stored = stored;
    this.visibility = visibility;
    Map<String, StructureDefinition> ours = new HashMap<>();
    for (Resource r : pkg.resources(ctx)) {
      if (r instanceof StructureDefinition sd && sd.getDerivation() == StructureDefinition.TypeDerivationRule.CONSTRAINT) {
        ours.put(sd.getUrl(), sd);
        names.put(sd.getUrl(), sd.getId() + " (" + sd.getTitle() + ")");
      }
    }
    for (StructureDefinition sd : ours.values()) {
      for (ElementDefinition ed : sd.getSnapshot().getElement()) {
        Map<String, Set<String>> targets = ed.getId().contains(":") ? Map.of() : targets(ed, ours);
        if (targets.isEmpty()) {
          continue;
        }
        if ("Extension".equals(sd.getType())) {
          if ("Extension.value[x]".equals(ed.getPath())) {
            extensions.add(new Rule(List.of(), sd.getUrl(), targets));
          }
        } else {
          List<String> path = List.of(ed.getPath().split("\\.")).subList(1, ed.getPath().split("\\.").length);
          byProfile.computeIfAbsent(sd.getUrl(), k -> new ArrayList<>()).add(new Rule(path, null, targets));
        }
      }
    }
  }

  /**
   * Per target type, the profiles of ours a target must meet; a type that has a base-type target or
   * a profile every resource of the type meets is left out, and an element with a profile we cannot
   * judge here (not ours, not core) is left to the validator entirely.
   */
  private Map<String, Set<String>> targets(ElementDefinition ed, Map<String, StructureDefinition> ours) {
    Map<String, Set<String>> result = new HashMap<>();
    Set<String> open = new HashSet<>();
    for (ElementDefinition.TypeRefComponent type : ed.getType()) {
      if (!"Reference".equals(type.getCode())) {
        continue;
      }
      for (CanonicalType canonical : type.getTargetProfile()) {
        String url = unversioned(canonical.getValue());
        StructureDefinition target = ours.get(url);
        if (target != null && !selector.heldByEvery(target.getType(), url)) {
          result.computeIfAbsent(target.getType(), k -> new TreeSet<>()).add(url);
        } else if (target != null) {
          open.add(target.getType());
        } else if (url.startsWith(CORE) && !url.equals(CORE + "Resource")) {
          open.add(url.substring(CORE.length()));
        } else {
          return Map.of();
        }
      }
    }
    open.forEach(result::remove);
    return result;
  }

  /** The references of this resource that point at a target not meeting the profile asked for. */
  public List<Problem> check(Resource resource, Collection<String> profiles, Object request) {
    List<Problem> problems = new ArrayList<>();
    for (String profile : profiles) {
      for (Rule rule : byProfile.getOrDefault(unversioned(profile), List.of())) {
        walk(resource, rule, 0, resource.fhirType(), request, problems);
      }
    }
    if (resource instanceof DomainResource dr && !extensions.isEmpty()) {
      List<Extension> all = dr.getExtension();
      for (int i = 0; i < all.size(); i++) {
        for (Rule rule : extensions) {
          if (rule.extensionUrl().equals(all.get(i).getUrl()) && all.get(i).getValue() instanceof Reference ref) {
            checkOne(resource.fhirType() + ".extension[" + i + "].value", ref, rule, request, problems);
          }
        }
      }
    }
    return problems;
  }

  private void walk(Base node, Rule rule, int depth, String expression, Object request, List<Problem> problems) {
    if (depth == rule.path().size()) {
      if (node instanceof Reference ref) {
        checkOne(expression, ref, rule, request, problems);
      }
      return;
    }
    String name = rule.path().get(depth);
    Property property = node.getNamedProperty(name);
    if (property == null) {
      return;
    }
    List<Base> values = property.getValues();
    String step = expression + "." + name.replace("[x]", "");
    for (int i = 0; i < values.size(); i++) {
      walk(values.get(i), rule, depth + 1, property.isList() ? step + "[" + i + "]" : step, request, problems);
    }
  }

  private void checkOne(String expression, Reference reference, Rule rule, Object request, List<Problem> problems) {
    String ref = reference.getReference();
    if (ref == null || ref.startsWith("#")) {
      return;
    }
    Optional<Resource> target = TransactionEntries.find(request, ref);
    String local = null;
    if (target.isEmpty()) {
      IdType id = new IdType(ref);
      if (!id.hasResourceType() || !id.hasIdPart() || id.isAbsolute()) {
        return;
      }
      local = id.toUnqualifiedVersionless().getValue();
    }
    String type = target.map(Resource::fhirType).orElseGet(() -> new IdType(ref).getResourceType());
    Set<String> allowed = rule.profilesByType().get(type);
    if (allowed == null) {
      return;
    }
    if (target.isEmpty()) {
      target = TransactionEntries.find(request, local);
    }
    if (target.isEmpty()) {
      target = stored.apply(local).filter(t -> visibility.maySee(request, t));
    }
    if (target.isEmpty()) {
      return; // nothing there (referential integrity refuses it), or another family's (the write checks do)
    }
    Set<String> meets = target.get().getMeta().getProfile().stream()
        .map(p -> unversioned(p.getValue())).collect(Collectors.toCollection(HashSet::new));
    selector.select(target.get()).ifPresent(meets::add);
    if (Collections.disjoint(meets, allowed)) {
      String wanted = allowed.stream().map(url -> names.getOrDefault(url, url)).collect(Collectors.joining(" of "));
      problems.add(new Problem(expression, ref + " voldoet niet aan het profiel dat hier vereist is: " + wanted
          + ". Verwijs naar een " + type + " met dat profiel."));
    }
  }

  private static String unversioned(String canonical) {
    int bar = canonical == null ? -1 : canonical.indexOf('|');
    return bar < 0 ? canonical : canonical.substring(0, bar);
  }
}
