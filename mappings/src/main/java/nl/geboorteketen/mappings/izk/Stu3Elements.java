package nl.geboorteketen.mappings.izk;

import java.util.Map;
import java.util.function.UnaryOperator;
import org.hl7.fhir.dstu3.model.Base;
import org.hl7.fhir.dstu3.model.Coding;
import org.hl7.fhir.dstu3.model.Extension;
import org.hl7.fhir.dstu3.model.Property;
import org.hl7.fhir.dstu3.model.Reference;

/** Walks every element of an STU3 resource (contained ones too) to rename extension URLs and reference types. */
final class Stu3Elements {

  private Stu3Elements() {}

  static void rename(Base base, UnaryOperator<String> extensionUrl, Map<String, String> referenceTypes,
      UnaryOperator<String> codeSystem) {
    if (base instanceof Extension e && e.getUrl() != null) {
      e.setUrl(extensionUrl.apply(e.getUrl()));
    }
    if (base instanceof Coding c && c.getSystem() != null) {
      c.setSystem(codeSystem.apply(c.getSystem()));
    }
    if (base instanceof Reference r && r.getReference() != null) {
      r.setReference(renameType(r.getReference(), referenceTypes));
    }
    for (Property p : base.children()) {
      for (Base child : p.getValues()) {
        if (child != null) {
          rename(child, extensionUrl, referenceTypes, codeSystem);
        }
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
