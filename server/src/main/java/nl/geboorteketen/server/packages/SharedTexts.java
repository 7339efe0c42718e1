package nl.geboorteketen.server.packages;

import java.util.List;
import java.util.function.Supplier;
import org.hl7.fhir.instance.model.api.IBaseResource;
import org.hl7.fhir.r4.model.ElementDefinition;
import org.hl7.fhir.r4.model.ElementDefinition.ElementDefinitionBindingComponent;
import org.hl7.fhir.r4.model.ElementDefinition.ElementDefinitionConstraintComponent;
import org.hl7.fhir.r4.model.ElementDefinition.TypeRefComponent;
import org.hl7.fhir.r4.model.Extension;
import org.hl7.fhir.r4.model.PrimitiveType;
import org.hl7.fhir.r4.model.StructureDefinition;

/**
 * Definitions repeat the same texts thousands of times: every element of every snapshot carries
 * the base's ele-1 constraint (key, text, expression, source), its base path, cardinalities and
 * type codes, and each was parsed into a string of its own. In the elements of a held
 * StructureDefinition those values are replaced by the JVM's one copy ({@link String#intern()},
 * weakly held: a definition that is dropped frees its texts); that took 15 MB off the heap held
 * after a start (docs/decisions.md). Only the fields that repeat are visited: walking every
 * element by reflection cost a third of the parse.
 */
final class SharedTexts {

  private SharedTexts() {}

  static <T extends IBaseResource> T shared(T resource) {
    if (resource instanceof StructureDefinition sd) {
      for (List<ElementDefinition> elements : List.of(sd.getSnapshot().getElement(), sd.getDifferential().getElement())) {
        elements.forEach(SharedTexts::share);
      }
    }
    return resource;
  }

  private static void share(ElementDefinition e) {
    if (e.hasId()) {
      e.setId(e.getId().intern());
    }
    share(e.hasPathElement(), e::getPathElement);
    share(e.hasShortElement(), e::getShortElement);
    share(e.hasDefinitionElement(), e::getDefinitionElement);
    share(e.hasMaxElement(), e::getMaxElement);
    extensions(e.hasExtension(), e::getExtension);
    if (e.hasBase()) {
      share(e.getBase().hasPathElement(), e.getBase()::getPathElement);
      share(e.getBase().hasMaxElement(), e.getBase()::getMaxElement);
    }
    for (TypeRefComponent type : e.hasType() ? e.getType() : List.<TypeRefComponent>of()) {
      share(type.hasCodeElement(), type::getCodeElement);
      each(type.hasProfile(), type::getProfile);
      each(type.hasTargetProfile(), type::getTargetProfile);
      extensions(type.hasExtension(), type::getExtension);
    }
    for (ElementDefinitionConstraintComponent c : e.hasConstraint() ? e.getConstraint() : List.<ElementDefinitionConstraintComponent>of()) {
      share(c.hasKeyElement(), c::getKeyElement);
      share(c.hasSeverityElement(), c::getSeverityElement);
      share(c.hasHumanElement(), c::getHumanElement);
      share(c.hasExpressionElement(), c::getExpressionElement);
      share(c.hasXpathElement(), c::getXpathElement);
      share(c.hasSourceElement(), c::getSourceElement);
      extensions(c.hasExtension(), c::getExtension);
    }
    each(e.hasCondition(), e::getCondition);
    if (e.hasBinding()) {
      ElementDefinitionBindingComponent binding = e.getBinding();
      share(binding.hasStrengthElement(), binding::getStrengthElement);
      share(binding.hasDescriptionElement(), binding::getDescriptionElement);
      share(binding.hasValueSetElement(), binding::getValueSetElement);
      extensions(binding.hasExtension(), binding::getExtension);
    }
  }

  // the model's getters create what is absent, so each is called only for what is there

  private static void extensions(boolean present, Supplier<List<Extension>> extensions) {
    for (Extension extension : present ? extensions.get() : List.<Extension>of()) {
      extension.setUrl(extension.getUrl().intern());
      if (extension.getValue() instanceof PrimitiveType<?> value) {
        share(true, () -> value);
      }
    }
  }

  private static void each(boolean present, Supplier<? extends List<? extends PrimitiveType<?>>> values) {
    if (present) {
      values.get().forEach(value -> share(true, () -> value));
    }
  }

  /** A coded value's text is shared too (its parsed text, not its enum). */
  private static void share(boolean present, Supplier<? extends PrimitiveType<?>> element) {
    PrimitiveType<?> primitive = present ? element.get() : null;
    if (primitive != null && primitive.hasValue()
        && (primitive.getValue() instanceof String || primitive.getValue() instanceof Enum<?>)) {
      primitive.setValueAsString(primitive.getValueAsString().intern());
    }
  }
}
