package nl.geboorteketen.mappings.izk;

import java.util.Map;
import java.util.function.UnaryOperator;
import org.hl7.fhir.dstu3.model.Base;
import org.hl7.fhir.dstu3.model.Coding;
import org.hl7.fhir.dstu3.model.Extension;
import org.hl7.fhir.dstu3.model.Reference;

/** Walks every element of an STU3 resource (contained ones too) to rename extension URLs and reference types. */
final class Stu3Elements {

  private Stu3Elements() {}

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
      r.setReference(renameType(r.getReference(), referenceTypes));
    }
    java.util.List<Base> children = new java.util.ArrayList<>();
    base.children().forEach(p -> children.addAll(p.getValues()));
    // a backbone element does not list its extensions among its children
    if (base instanceof org.hl7.fhir.dstu3.model.Element e) {
      children.addAll(e.getExtension());
    }
    if (base instanceof org.hl7.fhir.dstu3.model.BackboneElement b) {
      children.addAll(b.getModifierExtension());
    }
    for (Base child : children) {
      if (child != null) {
        walk(child, extensionUrl, referenceTypes, codeSystem, seen);
      }
    }
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
