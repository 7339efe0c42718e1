package nl.geboorteketen.mappings.izk;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.Observation;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.Resource;

/**
 * In the IZK a pregnancy's gravidity, parity or due date points at the pregnancy Condition
 * ({@code focus}); ours are named by the pregnancy's {@code hasMember}. The view gives each member
 * that focus, in searches and in a read by id alike, and shows no pregnancy as an Observation in a
 * search. Pure: the searches are made here, run by the caller.
 */
public final class PregnancyMembers {

  private static final String HAS_MEMBER = "Observation:has-member";

  private final Pregnancies pregnancies;

  public PregnancyMembers(Pregnancies pregnancies) {
    this.pregnancies = pregnancies;
  }

  /**
   * An Observation search as the IZK means it: our pregnancies are Conditions there. It brings along
   * the Observations that hold the ones found as members, for {@link #linkMembers}.
   */
  public Stu3Search.R4Search withoutPregnancies(Stu3Search.R4Search observations) {
    Map<String, List<String>> params = new LinkedHashMap<>();
    observations.parameters().forEach((name, values) -> params.put(name, new ArrayList<>(values)));
    params.computeIfAbsent("code:not", k -> new ArrayList<>()).add(pregnancies.token());
    params.computeIfAbsent("_revinclude", k -> new ArrayList<>()).add(HAS_MEMBER);
    return new Stu3Search.R4Search(observations.type(), params);
  }

  /** Each member found gets its focus, then the Observations that came along only to say so leave the answer. */
  public void linkMembers(Resource r4Answer) {
    if (!(r4Answer instanceof Bundle answer)) {
      return;
    }
    Map<String, Observation> found = new LinkedHashMap<>();
    List<Bundle.BundleEntryComponent> cameAlong = new ArrayList<>();
    for (Bundle.BundleEntryComponent e : answer.getEntry()) {
      if (e.getResource() instanceof Observation o) {
        if (e.getSearch().getMode() == Bundle.SearchEntryMode.INCLUDE) {
          cameAlong.add(e);
        } else {
          found.put("Observation/" + o.getIdElement().getIdPart(), o);
        }
      }
    }
    cameAlong.forEach(e -> link((Observation) e.getResource(), found));
    answer.getEntry().removeAll(cameAlong);
  }

  /** The search for the pregnancy that holds this Observation as a member, for {@link #linkMember}. */
  public Stu3Search.R4Search pregnancyOf(String observationId) {
    Map<String, List<String>> params = new LinkedHashMap<>();
    params.put("has-member", List.of("Observation/" + observationId));
    params.put("code", List.of(pregnancies.token()));
    return new Stu3Search.R4Search("Observation", params);
  }

  /** A member read on its own gets the focus its searches show, from the answer to {@link #pregnancyOf}. */
  public void linkMember(Resource read, Resource pregnancySearchAnswer) {
    if (!(read instanceof Observation member) || pregnancies.isPregnancy(member)
        || !(pregnancySearchAnswer instanceof Bundle found)) {
      return;
    }
    Map<String, Observation> byReference = Map.of("Observation/" + member.getIdElement().getIdPart(), member);
    found.getEntry().stream().filter(e -> e.getResource() instanceof Observation)
        .forEach(e -> link((Observation) e.getResource(), byReference));
  }

  /** The pregnancy's members among these ({@code Observation/id}) point at it, once. */
  private void link(Observation parent, Map<String, Observation> members) {
    if (!pregnancies.isPregnancy(parent)) {
      return;
    }
    String condition = "Condition/" + parent.getIdElement().getIdPart();
    String display = Displays.of(parent).orElse(null);
    for (Reference ref : parent.getHasMember()) {
      Observation o = members.get(Displays.target(ref));
      if (o != null && o.getFocus().stream().noneMatch(f -> condition.equals(Displays.target(f)))) {
        o.addFocus(new Reference(condition).setDisplay(display));
      }
    }
  }
}
