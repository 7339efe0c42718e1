package nl.geboorteketen.mappings.izk;

import java.util.Map;
import java.util.function.UnaryOperator;
import org.hl7.fhir.r4.model.Base;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.Extension;
import org.hl7.fhir.r4.model.Property;
import org.hl7.fhir.r4.model.Reference;

/** The R4 twin of {@link Stu3Elements}: the two model libraries share no element classes. */
final class R4Elements {

  private R4Elements() {}

  static void rename(Base base, UnaryOperator<String> extensionUrl, Map<String, String> referenceTypes,
      UnaryOperator<String> codeSystem) {
    if (base instanceof Extension e && e.getUrl() != null) {
      e.setUrl(extensionUrl.apply(e.getUrl()));
    }
    if (base instanceof Coding c && c.getSystem() != null) {
      c.setSystem(codeSystem.apply(c.getSystem()));
    }
    if (base instanceof Reference r && r.getReference() != null) {
      r.setReference(Stu3Elements.renameType(r.getReference(), referenceTypes));
    }
    for (Property p : base.children()) {
      for (Base child : p.getValues()) {
        if (child != null) {
          rename(child, extensionUrl, referenceTypes, codeSystem);
        }
      }
    }
  }
}
