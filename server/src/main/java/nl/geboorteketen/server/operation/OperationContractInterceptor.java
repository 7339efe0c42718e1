package nl.geboorteketen.server.operation;

import ca.uhn.fhir.interceptor.api.Hook;
import ca.uhn.fhir.interceptor.api.Interceptor;
import ca.uhn.fhir.interceptor.api.Pointcut;
import ca.uhn.fhir.rest.api.RequestTypeEnum;
import ca.uhn.fhir.rest.api.RestOperationTypeEnum;
import ca.uhn.fhir.rest.api.server.RequestDetails;
import ca.uhn.fhir.rest.server.exceptions.InvalidRequestException;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import nl.geboorteketen.mappings.operation.ParameterBinder;
import nl.geboorteketen.mappings.operation.ParameterProblem;
import nl.geboorteketen.server.operation.OperationContracts.Level;
import org.hl7.fhir.r4.model.OperationDefinition;
import org.hl7.fhir.r4.model.OperationOutcome;
import org.hl7.fhir.r4.model.Parameters;

/**
 * Binds every call of one of our operations to its OperationDefinition before the provider runs:
 * an unknown, misspelt, mistyped, repeated or missing parameter, a code outside a required binding
 * or a reference to the wrong type of resource is a 400 naming the parameter and what is allowed.
 * Runs after authentication and access checks, so a stranger learns nothing from the answer.
 */
@Interceptor(order = 1000)
public class OperationContractInterceptor {

  public static final String ISSUE_SYSTEM = "https://fhir.geboorteketen.nl/CodeSystem/gk-issue";

  private final OperationContracts contracts;

  public OperationContractInterceptor(OperationContracts contracts) {
    this.contracts = contracts;
  }

  @Hook(value = Pointcut.SERVER_INCOMING_REQUEST_PRE_HANDLED, order = 1000)
  public void bind(RequestDetails request, RestOperationTypeEnum operation) {
    if (operation != RestOperationTypeEnum.EXTENDED_OPERATION_SERVER
        && operation != RestOperationTypeEnum.EXTENDED_OPERATION_TYPE
        && operation != RestOperationTypeEnum.EXTENDED_OPERATION_INSTANCE) {
      return;
    }
    String resourceType = request.getResourceName();
    Level level = request.getId() != null && request.getId().hasIdPart() ? Level.INSTANCE
        : resourceType == null || resourceType.isBlank() ? Level.SYSTEM : Level.TYPE;
    OperationDefinition definition = contracts
        .find(request.getOperation(), level == Level.SYSTEM ? null : resourceType, level).orElse(null);
    if (definition == null) {
      return;
    }
    ParameterBinder binder = new ParameterBinder(definition, contracts);
    ParameterBinder.Bound bound;
    if (request.getRequestType() == RequestTypeEnum.POST && request.getResource() == null) {
      // a POST without a body (curl -X POST '…?programma=x'): its inputs are in the query string
      bound = binder.fromQuery(query(request));
    } else if (request.getRequestType() == RequestTypeEnum.POST) {
      List<ParameterProblem> queryProblems = queryInPost(request);
      if (!(request.getResource() instanceof Parameters body)) {
        throw refusal(definition, List.of(new ParameterProblem("body", ParameterProblem.Kind.BODY,
            "Stuur de invoer van $" + definition.getCode() + " als Parameters-resource in de body, of gebruik GET.")));
      }
      bound = binder.fromBody(body);
      if (!queryProblems.isEmpty()) {
        throw refusal(definition, queryProblems);
      }
    } else {
      bound = binder.fromQuery(query(request));
    }
    if (!bound.ok()) {
      throw refusal(definition, bound.problems());
    }
    request.getUserData().put(OperationInputs.USER_DATA_KEY, new OperationInputs(definition, bound.input()));
  }

  private static List<ParameterProblem> queryInPost(RequestDetails request) {
    return query(request).keySet().stream().filter(name -> !name.startsWith("_"))
        .map(name -> new ParameterProblem(name, ParameterProblem.Kind.UNKNOWN,
            "Bij POST hoort '" + name + "' in de Parameters-body, niet in de URL."))
        .toList();
  }

  private static Map<String, List<String>> query(RequestDetails request) {
    Map<String, List<String>> query = new LinkedHashMap<>();
    request.getParameters().forEach((name, values) -> query.put(name, Arrays.asList(values)));
    return query;
  }

  static InvalidRequestException refusal(OperationDefinition definition, List<ParameterProblem> problems) {
    OperationOutcome outcome = new OperationOutcome();
    for (ParameterProblem problem : problems) {
      var issue = outcome.addIssue().setSeverity(OperationOutcome.IssueSeverity.ERROR)
          .setCode(OperationOutcome.IssueType.fromCode(problem.kind().issueType()))
          .setDiagnostics(problem.message());
      issue.getDetails().addCoding().setSystem(ISSUE_SYSTEM).setCode(problem.kind().code());
      issue.getDetails().setText(problem.message());
      issue.addExpression(problem.parameter());
    }
    String summary = "$" + definition.getCode() + ": "
        + String.join(" ", problems.stream().map(ParameterProblem::message).toList());
    return new InvalidRequestException(summary, outcome);
  }
}
