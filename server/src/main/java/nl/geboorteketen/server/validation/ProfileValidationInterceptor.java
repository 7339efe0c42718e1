package nl.geboorteketen.server.validation;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.interceptor.api.Hook;
import ca.uhn.fhir.interceptor.api.Interceptor;
import ca.uhn.fhir.interceptor.api.Pointcut;
import ca.uhn.fhir.rest.server.exceptions.UnprocessableEntityException;
import ca.uhn.fhir.validation.FhirValidator;
import ca.uhn.fhir.validation.IValidatorModule;
import ca.uhn.fhir.validation.ResultSeverityEnum;
import ca.uhn.fhir.validation.SingleValidationMessage;
import ca.uhn.fhir.validation.ValidationOptions;
import ca.uhn.fhir.validation.ValidationResult;
import java.util.List;
import java.util.Optional;
import org.hl7.fhir.instance.model.api.IBaseResource;
import org.hl7.fhir.r4.model.OperationOutcome;
import org.hl7.fhir.r4.model.OperationOutcome.IssueSeverity;
import org.hl7.fhir.r4.model.Resource;

/**
 * Validates every create and update, including each entry of a transaction, against the profile
 * {@link ProfileSelector} picks, offline. A resource that fails is refused with 422 and an
 * OperationOutcome naming each offending element; nothing is stored.
 */
@Interceptor
public class ProfileValidationInterceptor {

  private final FhirContext ctx;
  private final FhirValidator validator;
  private final ProfileSelector selector;

  public ProfileValidationInterceptor(FhirContext ctx, IValidatorModule instanceValidator, ProfileSelector selector) {
    this.ctx = ctx;
    this.validator = ctx.newValidator().setValidateAgainstStandardSchema(false)
        .setValidateAgainstStandardSchematron(false)
        .registerValidatorModule(instanceValidator);
    this.selector = selector;
  }

  @Hook(Pointcut.STORAGE_PRESTORAGE_RESOURCE_CREATED)
  public void onCreate(IBaseResource resource) {
    validate(resource);
  }

  @Hook(Pointcut.STORAGE_PRESTORAGE_RESOURCE_UPDATED)
  public void onUpdate(IBaseResource previous, IBaseResource updated) {
    validate(updated);
  }

  /** Validates against the selected profile; throws 422 on any error. */
  public void validate(IBaseResource resource) {
    if (!(resource instanceof Resource r)) {
      return;
    }
    Optional<String> profile = selector.select(r);
    if (profile.isEmpty() && !r.getMeta().hasProfile()) {
      return;
    }
    ValidationOptions options = new ValidationOptions();
    profile.ifPresent(options::addProfile);
    ValidationResult result = validator.validateWithResult(resource, options);
    List<SingleValidationMessage> errors = OfflineTerminology.errorsThatCount(result.getMessages());
    if (!errors.isEmpty()) {
      throw new UnprocessableEntityException(ctx, outcome(r.fhirType(), profile.orElse(null), errors));
    }
  }

  private static OperationOutcome outcome(String type, String profile, List<SingleValidationMessage> errors) {
    OperationOutcome oo = new OperationOutcome();
    String against = profile == null ? "de profielen die het noemt" : "profiel " + profile;
    for (SingleValidationMessage error : errors) {
      OperationOutcome.OperationOutcomeIssueComponent issue = oo.addIssue()
          .setSeverity(IssueSeverity.ERROR)
          .setCode(OperationOutcome.IssueType.PROCESSING)
          .setDiagnostics(error.getLocationString() + ": " + error.getMessage()
              + " (" + type + " voldoet niet aan " + against + ")");
      if (error.getLocationString() != null) {
        issue.addExpression(error.getLocationString());
        issue.addLocation(error.getLocationString());
      }
    }
    return oo;
  }
}
