package nl.geboorteketen.mappings.izk;

import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.UnaryOperator;
import org.hl7.fhir.dstu3.model.BackboneElement;
import org.hl7.fhir.dstu3.model.Base;
import org.hl7.fhir.dstu3.model.Coding;
import org.hl7.fhir.dstu3.model.Element;
import org.hl7.fhir.dstu3.model.Extension;
import org.hl7.fhir.dstu3.model.Reference;

/** Every element of an STU3 resource (contained ones too), and the renames the IZK table asks for. */
final class Stu3Elements {

  private Stu3Elements() {}

  static void rename(Base base, UnaryOperator<String> extensionUrl, Map<String, String> referenceTypes,
      UnaryOperator<String> codeSystem) {
    forEach(base, element -> {
      if (element instanceof Extension e && e.getUrl() != null) {
        e.setUrl(extensionUrl.apply(e.getUrl()));
      }
      if (element instanceof Coding c && c.getSystem() != null) {
        c.setSystem(codeSystem.apply(c.getSystem()));
      }
      if (element instanceof Reference r && r.getReference() != null) {
        r.setReference(Stu3Elements.renameType(r.getReference(), referenceTypes));
      }
    });
  }

  /** Visits the element and everything under it once, extensions included. */
  static void forEach(Base base, Consumer<Base> visitor) {
    walk(base, visitor, Collections.newSetFromMap(new IdentityHashMap<>()));
  }

  private static void walk(Base base, Consumer<Base> visitor, Set<Base> seen) {
    if (base == null || !seen.add(base)) {
      return;
    }
    visitor.accept(base);
    List<Base> children = new ArrayList<>();
    base.children().forEach(p -> children.addAll(p.getValues()));
    // a backbone element does not list its extensions among its children
    if (base instanceof Element e) {
      children.addAll(e.getExtension());
    }
    if (base instanceof BackboneElement b) {
      children.addAll(b.getModifierExtension());
    }
    children.forEach(child -> walk(child, visitor, seen));
  }

  /** {@code ServiceRequest/1} becomes {@code ReferralRequest/1} when the map says so; absolute and other references stay. */
  static String renameType(String reference, Map<String, String> types) {
    int slash = reference.indexOf('/');
    if (slash <= 0) {
      return reference;
    }
    String to = types.get(reference.substring(0, slash));
    return to == null ? reference : to + reference.substring(slash);
  }
}
