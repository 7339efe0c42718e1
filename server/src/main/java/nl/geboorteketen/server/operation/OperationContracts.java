package nl.geboorteketen.server.operation;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.context.support.ConceptValidationOptions;
import ca.uhn.fhir.context.support.IValidationSupport;
import ca.uhn.fhir.context.support.ValidationSupportContext;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import nl.geboorteketen.mappings.operation.ParameterBinder;
import nl.geboorteketen.server.packages.ProfilePackage;
import org.hl7.fhir.instance.model.api.IBaseResource;
import org.hl7.fhir.r4.model.OperationDefinition;
import org.hl7.fhir.r4.model.StructureDefinition;

/**
 * The OperationDefinitions of our package, the one source of every custom operation's inputs,
 * with what binding needs to know about their value sets and target profiles.
 */
public class OperationContracts implements ParameterBinder.Terminology {

  /** Where an operation is called: on the system, on a type, or on an instance of a type. */
  public enum Level { SYSTEM, TYPE, INSTANCE }

  private final List<OperationDefinition> definitions;
  private final IValidationSupport validation;
  private final Map<String, Boolean> codes = new ConcurrentHashMap<>();
  private final Map<String, Optional<String>> profileTypes = new ConcurrentHashMap<>();

  public OperationContracts(FhirContext ctx, ProfilePackage pkg, IValidationSupport validation) {
    this.validation = validation;
    this.definitions = pkg.resources(ctx, OperationDefinition.class).toList();
  }

  public List<OperationDefinition> all() {
    return definitions;
  }

  /** The definition declaring this operation (name without or with '$') at this level, if any. */
  public Optional<OperationDefinition> find(String operation, String resourceType, Level level) {
    String code = operation.startsWith("$") ? operation.substring(1) : operation;
    return definitions.stream().filter(d -> code.equals(d.getCode()) && declares(d, resourceType, level)).findFirst();
  }

  /** Whether the operation's code is ours at all, at whatever level. */
  public boolean isOurs(String operation) {
    String code = operation.startsWith("$") ? operation.substring(1) : operation;
    return definitions.stream().anyMatch(d -> code.equals(d.getCode()));
  }

  public Optional<IBaseResource> byId(String id) {
    return definitions.stream().filter(d -> id.equals(d.getIdElement().getIdPart())).map(d -> (IBaseResource) d.copy()).findFirst();
  }

  static boolean declares(OperationDefinition d, String resourceType, Level level) {
    return switch (level) {
      case SYSTEM -> d.getSystem() && resourceType == null;
      case TYPE -> d.getType() && hasResource(d, resourceType);
      case INSTANCE -> d.getInstance() && hasResource(d, resourceType);
    };
  }

  private static boolean hasResource(OperationDefinition d, String resourceType) {
    return resourceType != null && d.getResource().stream().anyMatch(r -> resourceType.equals(r.getValue()));
  }

  @Override
  public Boolean inValueSet(String valueSetUrl, String code) {
    return codes.computeIfAbsent(valueSetUrl + "|" + code, key -> {
      var result = validation.validateCode(new ValidationSupportContext(validation),
          new ConceptValidationOptions().setInferSystem(true), null, code, null, valueSetUrl);
      return result == null ? null : result.isOk();
    });
  }

  @Override
  public String typeOfProfile(String profileUrl) {
    return profileTypes.computeIfAbsent(profileUrl, url -> {
      IBaseResource sd = validation.fetchStructureDefinition(url);
      return sd instanceof StructureDefinition s ? Optional.of(s.getType()) : Optional.empty();
    }).orElse(null);
  }
}
