package nl.geboorteketen.server.validation;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.interceptor.api.Hook;
import ca.uhn.fhir.interceptor.api.Interceptor;
import ca.uhn.fhir.interceptor.api.Pointcut;
import ca.uhn.fhir.rest.api.server.RequestDetails;
import ca.uhn.fhir.rest.api.server.SystemRequestDetails;
import ca.uhn.fhir.rest.api.server.storage.TransactionDetails;
import ca.uhn.fhir.rest.server.exceptions.UnprocessableEntityException;
import ca.uhn.fhir.util.ResourceUtil;
import ca.uhn.fhir.validation.FhirValidator;
import ca.uhn.fhir.validation.IValidatorModule;
import ca.uhn.fhir.validation.ResultSeverityEnum;
import ca.uhn.fhir.validation.SingleValidationMessage;
import ca.uhn.fhir.validation.ValidationOptions;
import ca.uhn.fhir.validation.ValidationResult;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.BiConsumer;
import org.hl7.fhir.instance.model.api.IBaseResource;
import org.hl7.fhir.r4.model.OperationOutcome;
import org.hl7.fhir.r4.model.OperationOutcome.IssueSeverity;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.Resource;
import org.hl7.fhir.r4.model.CanonicalType;
import org.hl7.fhir.utilities.i18n.I18nConstants;

/**
 * Validates every create and update, including each entry of a transaction, against the profile
 * {@link ProfileSelector} picks, offline. A resource that fails is refused with 422 and an
 * OperationOutcome naming each offending element; nothing is stored. References are part of it:
 * the target's type from the reference URL (or from the transaction entry it names), and where our
 * profile asks for a target profile the type does not settle, the target itself ({@link TargetProfiles}).
 */
@Interceptor
public class ProfileValidationInterceptor {

  private final FhirContext ctx;
  private final FhirValidator validator;
  private final IValidatorModule module;
  private final ProfileSelector selector;
  private final TargetProfiles targets;

  private static final int AFTER_THE_GUARDS = 100;
  private static final String WAITING = ProfileValidationInterceptor.class.getName() + ".waiting";

  private volatile BiConsumer<RequestDetails, TransactionDetails> beforeNamingMatches = (request, details) -> {};

  /** A refused element: where, and what is wrong with it. */
  private record Issue(String location, String text) {}

  /** The validator's ids for a reference whose target has a type the element does not allow. */
  private static final Set<String> WRONG_TARGET_TYPE = Set.of(I18nConstants.REFERENCE_REF_BADTARGETTYPE,
      I18nConstants.REFERENCE_REF_BADTARGETTYPE2, I18nConstants.REFERENCE_REF_CANTMATCHTYPE,
      I18nConstants.REFERENCE_REF_WRONGTARGET);

  public ProfileValidationInterceptor(FhirContext ctx, IValidatorModule instanceValidator, ProfileSelector selector,
      TargetProfiles targets) {
    this.ctx = ctx;
    this.targets = targets;
    this.module = instanceValidator;
    this.validator = ctx.newValidator().setValidateAgainstStandardSchema(false)
        .setValidateAgainstStandardSchematron(false)
        .registerValidatorModule(instanceValidator);
    this.selector = selector;
  }

  /** The validator module every write is checked with. */
  public IValidatorModule module() {
    return module;
  }

  /**
   * After the other hooks of the same moment: a write the guards refuse (a sent handover document,
   * another family's record) gets their answer whatever its content, and what is validated is what
   * will be stored.
   */
  @Hook(value = Pointcut.STORAGE_PRESTORAGE_RESOURCE_CREATED, order = AFTER_THE_GUARDS)
  public void onCreate(IBaseResource resource, RequestDetails request) {
    validateOrWait(resource, request);
  }

  @Hook(value = Pointcut.STORAGE_PRESTORAGE_RESOURCE_UPDATED, order = AFTER_THE_GUARDS)
  public void onUpdate(IBaseResource previous, IBaseResource updated, RequestDetails request) {
    validateOrWait(updated, request);
  }

  /**
   * A conditional reference ({@code Patient?identifier=…}) names no target the validator can check:
   * HAPI resolves it after the hooks above. Such a record is validated once resolved, before it
   * commits, against what its references then name; otherwise {@code Organization?_id=…} would be
   * stored as an Observation's subject.
   */
  @Hook(value = Pointcut.STORAGE_PRECOMMIT_RESOURCE_CREATED, order = AFTER_THE_GUARDS)
  public void onCreateResolved(IBaseResource resource, RequestDetails request, TransactionDetails details) {
    validateResolved(resource, request, details);
  }

  @Hook(value = Pointcut.STORAGE_PRECOMMIT_RESOURCE_UPDATED, order = AFTER_THE_GUARDS)
  public void onUpdateResolved(IBaseResource previous, IBaseResource updated, RequestDetails request,
      TransactionDetails details) {
    validateResolved(updated, request, details);
  }

  /**
   * Called before a refusal of a resolved record is answered: the validator names a reference's
   * target, so the security layer first refuses what the request's conditions matched of another
   * family.
   */
  public void beforeNamingMatches(BiConsumer<RequestDetails, TransactionDetails> check) {
    this.beforeNamingMatches = check;
  }

  private void validateOrWait(IBaseResource resource, RequestDetails request) {
    if (request != null && hasConditionalReference(resource)) {
      waiting(request).add(resource);
      return;
    }
    validate(resource, request);
  }

  /** HAPI's validator reads the request's text when the parser kept it; that text has the conditions. */
  private void validateResolved(IBaseResource resource, RequestDetails request, TransactionDetails details) {
    Set<?> waiting = request == null ? null : (Set<?>) request.getUserData().get(WAITING);
    if (waiting != null && waiting.remove(resource)) {
      ResourceUtil.clearRawStringFromResource(resource);
      try {
        validate(resource, request);
      } catch (UnprocessableEntityException invalid) {
        beforeNamingMatches.accept(request, details);
        throw invalid;
      }
    }
  }

  private boolean hasConditionalReference(IBaseResource resource) {
    String sent = ResourceUtil.getRawStringFromResourceOrNull(resource);
    if (sent != null && sent.indexOf('?') < 0) {
      return false;
    }
    for (Reference ref : ctx.newTerser().getAllPopulatedChildElementsOfType(resource, Reference.class)) {
      if (ref.hasReference() && ref.getReference().indexOf('?') > 0) {
        return true;
      }
    }
    return false;
  }

  /** The records of this request whose conditional references HAPI has yet to resolve, by identity. */
  @SuppressWarnings("unchecked")
  private static Set<IBaseResource> waiting(RequestDetails request) {
    return (Set<IBaseResource>) request.getUserData().computeIfAbsent(WAITING,
        k -> Collections.newSetFromMap(new IdentityHashMap<>()));
  }

  /** Validates against the selected profile (or a claimed one), outside any request; throws 422 on any error. */
  public void validate(IBaseResource resource) {
    validate(resource, null);
  }

  /**
   * Validates against the selected profile; throws 422 on any error. A record a client writes that no
   * profile of ours applies to, and that claims none, still meets FHIR's own definition of its type.
   * The request, when there is one, lets a reference to another entry of its transaction be checked
   * against that entry.
   */
  public void validate(IBaseResource resource, RequestDetails request) {
    if (!(resource instanceof Resource r)) {
      return;
    }
    Optional<String> profile = selector.select(r);
    List<Issue> issues = new ArrayList<>();
    if (profile.isPresent() || r.getMeta().hasProfile() || writtenByClient(request)) {
      ValidationOptions options = new ValidationOptions();
      options.setAppContext(request);
      profile.ifPresent(options::addProfile);
      ValidationResult result = validator.validateWithResult(resource, options);
      issues.addAll(issues(OfflineTerminology.errorsThatCount(result.getMessages())));
    }
    Set<String> profiles = new LinkedHashSet<>();
    profile.ifPresent(profiles::add);
    r.getMeta().getProfile().stream().map(CanonicalType::getValue).forEach(profiles::add);
    targets.check(r, profiles, request).forEach(p -> issues.add(new Issue(p.expression(), p.message())));
    if (!issues.isEmpty()) {
      String against = profile.map(p -> "profiel " + p)
          .orElse(r.getMeta().hasProfile() ? "de profielen die het noemt" : "de FHIR R4-definitie van " + r.fhirType());
      throw new UnprocessableEntityException(ctx, outcome(r.fhirType(), against, issues));
    }
  }

  /**
   * Records the server writes itself (package install, handovers, notifications) come with a system
   * request; they are checked against a profile only where one applies, as their code builds them.
   */
  private static boolean writtenByClient(RequestDetails request) {
    return request != null && !(request instanceof SystemRequestDetails);
  }

  /**
   * The validator's errors as issues; a reference to a target of a type the element does not allow
   * gets one issue (the validator may word it twice) that says so first in Dutch.
   */
  private static List<Issue> issues(List<SingleValidationMessage> errors) {
    List<Issue> result = new ArrayList<>();
    Set<String> wrongTargetAt = new HashSet<>();
    for (SingleValidationMessage error : errors) {
      if (WRONG_TARGET_TYPE.contains(error.getMessageId()) && !wrongTargetAt.add(error.getLocationString())) {
        continue;
      }
      String text = WRONG_TARGET_TYPE.contains(error.getMessageId())
          ? "Deze verwijzing wijst naar een resource van een type dat hier niet is toegestaan. " + error.getMessage()
          : error.getMessage();
      result.add(new Issue(error.getLocationString(), text));
    }
    return result;
  }

  private static OperationOutcome outcome(String type, String against, List<Issue> issues) {
    OperationOutcome oo = new OperationOutcome();
    for (Issue error : issues) {
      OperationOutcome.OperationOutcomeIssueComponent issue = oo.addIssue()
          .setSeverity(IssueSeverity.ERROR)
          .setCode(OperationOutcome.IssueType.PROCESSING)
          .setDiagnostics(error.location() + ": " + error.text()
              + " (" + type + " voldoet niet aan " + against + ")");
      if (error.location() != null) {
        issue.addExpression(error.location());
        issue.addLocation(error.location());
      }
    }
    return oo;
  }
}
