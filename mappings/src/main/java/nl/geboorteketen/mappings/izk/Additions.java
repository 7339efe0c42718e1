package nl.geboorteketen.mappings.izk;

import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.regex.Pattern;
import org.hl7.fhir.dstu3.model.Address;
import org.hl7.fhir.dstu3.model.Base;
import org.hl7.fhir.dstu3.model.CodeableConcept;
import org.hl7.fhir.dstu3.model.Coding;
import org.hl7.fhir.dstu3.model.Property;
import org.hl7.fhir.dstu3.model.Resource;

/**
 * What the zib2017/bc profiles require beyond our R4 shape: the codings of the table's additions,
 * and a Dutch postal code without its space (nl-core-address: 1234AB).
 */
final class Additions {

  private static final Pattern DUTCH_POSTAL_CODE = Pattern.compile("\\d{4} [A-Za-z]{2}");

  private Additions() {}

  static void toStu3(Resource out, List<IzkTable.Addition> additions) {
    List<String> profiles = out.getMeta().getProfile().stream().map(p -> p.getValue()).toList();
    for (IzkTable.Addition a : additions) {
      if (profiles.contains(a.stu3Profile())) {
        CodeableConcept cc = concept(out, a.element(), true);
        if (cc != null && cc.getCoding().stream().noneMatch(c -> same(c, a))) {
          cc.addCoding(new Coding(a.system(), a.code(), a.display()));
        }
      }
    }
    Elements.forEach(Elements.STU3, out, e -> {
      if (e instanceof Address address && address.hasPostalCode()
          && (!address.hasCountry() || address.getCountry().equalsIgnoreCase("NL"))
          && DUTCH_POSTAL_CODE.matcher(address.getPostalCode()).matches()) {
        address.setPostalCode(address.getPostalCode().replace(" ", "").toUpperCase(Locale.ROOT));
      }
    });
  }

  /** A write in the IZK shape loses what the view would add again, just as it adds it, so the R4 record stays in our shape. */
  static void offForR4(Resource in, List<IzkTable.Addition> additions) {
    List<String> profiles = in.getMeta().getProfile().stream().map(p -> p.getValue()).toList();
    for (IzkTable.Addition a : additions) {
      CodeableConcept cc = profiles.contains(a.stu3Profile()) ? concept(in, a.element(), false) : null;
      if (cc != null) {
        // only the coding exactly as the view adds it: a writer's own (another display) stays
        cc.getCoding().removeIf(c -> same(c, a) && Objects.equals(c.getDisplay(), a.display()));
        if (cc.isEmpty()) {
          in.setProperty(a.element(), new CodeableConcept());
        }
      }
    }
  }

  private static CodeableConcept concept(Resource r, String element, boolean create) {
    Property p = r.getNamedProperty(element);
    if (p == null) {
      return null;
    }
    if (!p.getValues().isEmpty() && p.getValues().get(0) instanceof CodeableConcept cc) {
      return cc;
    }
    if (!create) {
      return null;
    }
    CodeableConcept cc = new CodeableConcept();
    Base set = r.setProperty(element, cc);
    return set instanceof CodeableConcept created ? created : cc;
  }

  private static boolean same(Coding c, IzkTable.Addition a) {
    return a.system().equals(c.getSystem()) && a.code().equals(c.getCode());
  }
}
