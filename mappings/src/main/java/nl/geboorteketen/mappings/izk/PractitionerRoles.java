package nl.geboorteketen.mappings.izk;

import ca.uhn.fhir.context.BaseRuntimeChildDefinition;
import ca.uhn.fhir.context.BaseRuntimeElementDefinition;
import ca.uhn.fhir.context.RuntimeChildResourceDefinition;
import ca.uhn.fhir.util.IModelVisitor;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.hl7.fhir.dstu3.model.Reference;
import org.hl7.fhir.instance.model.api.IBase;
import org.hl7.fhir.instance.model.api.IBaseResource;
import org.hl7.fhir.r4.model.PractitionerRole;
import org.hl7.fhir.r4.model.Resource;

/**
 * R4 lets a performer, care manager or requester be a PractitionerRole; STU3 mostly does not. There
 * the IZK names the Practitioner and keeps the role in the practitionerrole-reference extension on the
 * same reference. This turns our role references into that shape, wherever STU3's element does not
 * take a PractitionerRole.
 */
public final class PractitionerRoles {

  private PractitionerRoles() {}

  /** "PractitionerRole/id" of every role the record, or any record in a Bundle, refers to. */
  public static Set<String> referenced(Resource record) {
    Set<String> out = new LinkedHashSet<>();
    Elements.forEach(Elements.R4, record, e -> {
      if (e instanceof org.hl7.fhir.r4.model.Reference r && isRole(Displays.target(r))) {
        out.add(Displays.target(r));
      }
    });
    return out;
  }

  /** The practitioner of each role ("PractitionerRole/id" to "Practitioner/id"); a role without one is left out. */
  public static Map<String, String> practitioners(Collection<PractitionerRole> roles) {
    return roles.stream().filter(r -> Displays.target(r.getPractitioner()) != null)
        .collect(Collectors.toMap(r -> "PractitionerRole/" + r.getIdElement().getIdPart(),
            r -> Displays.target(r.getPractitioner()), (a, b) -> a));
  }

  /**
   * Each role reference STU3 does not allow where it stands becomes its practitioner (display from
   * {@code displays}) with the role in the extension; a role whose practitioner is not known keeps
   * only the display and the extension, so no STU3 reference names a type its element does not take.
   */
  static void toStu3(org.hl7.fhir.dstu3.model.Resource out, String extensionUrl, Map<String, String> practitionerOfRole,
      Function<String, String> displays) {
    List<Reference> misplaced = new ArrayList<>();
    Elements.STU3.newTerser().visit(out, new IModelVisitor() {
      @Override
      public void acceptElement(IBaseResource resource, IBase element, List<String> path,
          BaseRuntimeChildDefinition child, BaseRuntimeElementDefinition<?> definition) {
        if (element instanceof Reference r && isRole(target(r)) && child instanceof RuntimeChildResourceDefinition typed
            && typed.getResourceTypes().stream().noneMatch(t -> t.isAssignableFrom(org.hl7.fhir.dstu3.model.PractitionerRole.class))) {
          misplaced.add(r);
        }
      }
    });
    for (Reference r : misplaced) {
      Reference role = new Reference(r.getReference()).setDisplay(r.getDisplay());
      String practitioner = practitionerOfRole.get(target(r));
      String display = practitioner == null ? null : displays.apply(practitioner);
      r.setReference(practitioner);
      r.setDisplay(display != null ? display : role.getDisplay());
      r.addExtension(extensionUrl, role);
    }
  }

  private static boolean isRole(String target) {
    return target != null && target.startsWith("PractitionerRole/");
  }

  private static String target(Reference r) {
    return Displays.target(r.getReference());
  }
}
