package nl.geboorteketen.server.packages;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.context.support.IValidationSupport;
import java.util.List;
import org.hl7.fhir.common.hapi.validation.support.BaseValidationSupportWrapper;
import org.hl7.fhir.common.hapi.validation.support.ValidationSupportChain;
import org.hl7.fhir.instance.model.api.IBaseResource;

/**
 * The validator builds a FHIRPath engine several times per validated resource, and each one walks
 * every StructureDefinition the chain lists to find the base types. Profiles and extension
 * definitions (derivation = constraint) never enter those sets, yet they were most of the list:
 * about 400 core extensions and 470 Nictiz profiles. They stay found by url; they are only left
 * out of the list. Measured in docs/decisions.md.
 */
public final class ConstraintsUnlisted {

  private ConstraintsUnlisted() {}

  /** The StructureDefinitions of the list that are not constraints. */
  public static <T extends IBaseResource> List<T> specialisations(FhirContext ctx, List<T> all) {
    if (all == null) {
      return null;
    }
    return all.stream()
        .filter(sd -> !"constraint".equals(ctx.newTerser().getSinglePrimitiveValueOrNull(sd, "derivation")))
        .toList();
  }

  /** Puts {@code support} in the chain's place of itself, wrapped so it lists no constraints. */
  public static void inChain(FhirContext ctx, ValidationSupportChain chain, IValidationSupport support) {
    int index = chain.getValidationSupports().indexOf(support);
    if (index < 0) {
      return;
    }
    chain.removeValidationSupport(support);
    chain.addValidationSupport(index, new BaseValidationSupportWrapper(ctx, support) {
      @Override
      public <T extends IBaseResource> List<T> fetchAllStructureDefinitions() {
        return specialisations(ctx, super.fetchAllStructureDefinitions());
      }
    });
  }
}
