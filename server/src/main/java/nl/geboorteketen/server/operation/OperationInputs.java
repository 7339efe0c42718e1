package nl.geboorteketen.server.operation;

import ca.uhn.fhir.rest.api.server.RequestDetails;
import java.math.BigDecimal;
import java.util.List;
import nl.geboorteketen.mappings.operation.ParameterProblem;
import org.hl7.fhir.r4.model.BooleanType;
import org.hl7.fhir.r4.model.OperationDefinition;
import org.hl7.fhir.r4.model.Parameters;
import org.hl7.fhir.r4.model.Parameters.ParametersParameterComponent;
import org.hl7.fhir.r4.model.PrimitiveType;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.Signature;
import org.hl7.fhir.r4.model.Type;

/**
 * An operation's input after {@link OperationContractInterceptor} bound and checked it against the
 * OperationDefinition. A provider asking for a name its definition does not declare is a
 * programming error, found by the contract test, not a silent null.
 */
public final class OperationInputs {

  static final String USER_DATA_KEY = OperationInputs.class.getName();

  private final OperationDefinition definition;
  private final Parameters input;

  OperationInputs(OperationDefinition definition, Parameters input) {
    this.definition = definition;
    this.input = input;
  }

  /** The bound input of the operation this request calls. */
  public static OperationInputs of(RequestDetails request) {
    Object bound = request.getUserData().get(USER_DATA_KEY);
    if (!(bound instanceof OperationInputs inputs)) {
      throw new IllegalStateException("Operation " + request.getOperation() + " has no bound input: is it declared in the package?");
    }
    return inputs;
  }

  public Boolean bool(String name) {
    BooleanType value = (BooleanType) value(name);
    return value == null ? null : value.getValue();
  }

  public boolean isTrue(String name) {
    return Boolean.TRUE.equals(bool(name));
  }

  public String string(String name) {
    Type value = value(name);
    return value == null ? null : ((PrimitiveType<?>) value).getValueAsString();
  }

  /**
   * A text the server keeps in a column of its own: longer than {@code maxLength} is the caller's
   * mistake (400 naming the parameter), not a database error.
   */
  public String string(String name, int maxLength) {
    String value = string(name);
    if (value != null && value.length() > maxLength) {
      throw OperationContractInterceptor.refusal(definition, List.of(new ParameterProblem(name,
          ParameterProblem.Kind.TOO_LONG, "Parameter '" + name + "' is " + value.length() + " tekens; ten hoogste "
          + maxLength + ".")));
    }
    return value;
  }

  public List<String> strings(String name) {
    return values(name).stream().map(p -> ((PrimitiveType<?>) p.getValue()).getValueAsString()).toList();
  }

  public Integer integer(String name) {
    Type value = value(name);
    return value == null ? null : ((org.hl7.fhir.r4.model.IntegerType) value).getValue();
  }

  public BigDecimal decimal(String name) {
    Type value = value(name);
    return value == null ? null : ((org.hl7.fhir.r4.model.DecimalType) value).getValue();
  }

  public Double number(String name) {
    BigDecimal value = decimal(name);
    return value == null ? null : value.doubleValue();
  }

  public Reference reference(String name) {
    return (Reference) value(name);
  }

  public Signature signature(String name) {
    return (Signature) value(name);
  }

  public boolean has(String name) {
    return !values(name).isEmpty();
  }

  private Type value(String name) {
    List<ParametersParameterComponent> values = values(name);
    return values.isEmpty() ? null : values.get(0).getValue();
  }

  private List<ParametersParameterComponent> values(String name) {
    boolean declared = definition.getParameter().stream()
        .anyMatch(p -> name.equals(p.getName()) && p.getUse() == OperationDefinition.OperationParameterUse.IN);
    if (!declared) {
      throw new IllegalStateException("OperationDefinition " + definition.getUrl() + " declares no input '" + name + "'");
    }
    return input.getParameter().stream().filter(p -> name.equals(p.getName())).toList();
  }
}
