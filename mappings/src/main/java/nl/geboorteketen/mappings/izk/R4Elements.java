package nl.geboorteketen.mappings.izk;

import java.util.Map;
import java.util.function.UnaryOperator;
import org.hl7.fhir.r4.model.Base;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.Extension;
import org.hl7.fhir.r4.model.Reference;

/** The R4 twin of {@link Stu3Elements}: the two model libraries share no element classes. */
final class R4Elements {

  private R4Elements() {}

  static void rename(Base base, UnaryOperator<String> extensionUrl, Map<String, String> referenceTypes,
      UnaryOperator<String> codeSystem) {
    walk(base, extensionUrl, referenceTypes, codeSystem, java.util.Collections.newSetFromMap(new java.util.IdentityHashMap<>()));
  }

  private static void walk(Base base, UnaryOperator<String> extensionUrl, Map<String, String> referenceTypes,
      UnaryOperator<String> codeSystem, java.util.Set<Base> seen) {
    if (!seen.add(base)) {
      return;
    }
    if (base instanceof Extension e && e.getUrl() != null) {
      e.setUrl(extensionUrl.apply(e.getUrl()));
    }
    if (base instanceof Coding c && c.getSystem() != null) {
      c.setSystem(codeSystem.apply(c.getSystem()));
    }
    if (base instanceof Reference r && r.getReference() != null) {
      r.setReference(Stu3Elements.renameType(r.getReference(), referenceTypes));
    }
    java.util.List<Base> children = new java.util.ArrayList<>();
    base.children().forEach(p -> children.addAll(p.getValues()));
    // a backbone element does not list its extensions among its children
    if (base instanceof org.hl7.fhir.r4.model.Element e) {
      children.addAll(e.getExtension());
    }
    if (base instanceof org.hl7.fhir.r4.model.BackboneElement b) {
      children.addAll(b.getModifierExtension());
    }
    for (Base child : children) {
      if (child != null) {
        walk(child, extensionUrl, referenceTypes, codeSystem, seen);
      }
    }
  }
}
