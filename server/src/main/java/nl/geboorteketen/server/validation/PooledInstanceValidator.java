package nl.geboorteketen.server.validation;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.rest.api.EncodingEnum;
import ca.uhn.fhir.validation.IValidationContext;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentLinkedDeque;
import org.hl7.fhir.common.hapi.validation.validator.FhirInstanceValidator;
import org.hl7.fhir.common.hapi.validation.validator.WorkerContextValidationSupportAdapter;
import org.hl7.fhir.instance.model.api.IBaseResource;
import org.hl7.fhir.instance.model.api.IPrimitiveType;
import org.hl7.fhir.r5.context.IWorkerContext;
import org.hl7.fhir.exceptions.FHIRException;
import org.hl7.fhir.r5.elementmodel.JsonParser;
import org.hl7.fhir.r5.elementmodel.ParserBase.ValidationPolicy;
import org.hl7.fhir.r5.elementmodel.ValidatedFragment;
import org.hl7.fhir.r5.model.StructureDefinition;
import org.hl7.fhir.r5.utils.validation.ValidatorSession;
import org.hl7.fhir.r5.utils.validation.constants.IdStatus;
import org.hl7.fhir.r5.utils.xver.XVerExtensionManagerOld;
import org.hl7.fhir.utilities.i18n.I18nConstants;
import org.hl7.fhir.utilities.validation.ValidationMessage;
import org.hl7.fhir.validation.ValidatorSettings;
import org.hl7.fhir.validation.instance.InstanceValidator;

/**
 * HAPI's instance validator with one change: the core {@link InstanceValidator} and the JSON
 * parser ({@link ElementParsers}) are taken from small pools instead of built for every resource.
 * Building them (FHIRPath engines, profile utilities, parsers) was a fifth of a validation's CPU,
 * profiled with JFR in the create load.
 *
 * <p>Reuse is safe within limits the validator's code sets: every validation starts by clearing
 * its per-resource state (fetched references, trackers), and one instance serves one validation at
 * a time (taken from the pool, given back after). Some collections in it only grow (codings seen,
 * narrative id maps), so an instance is dropped after {@link #USES} validations and the pool keeps
 * at most {@link #IDLE} of them: memory stays bounded whatever the number of request threads. An
 * instance is also dropped once the definitions change ({@link RememberedDefinitions#generation()}):
 * it keeps a profile's child elements by url and version, so it would go on using an updated
 * profile's old content.
 * Resources given as XML strings, or without the parsed resource, take HAPI's own path.
 */
public class PooledInstanceValidator extends FhirInstanceValidator {

  static final int USES = 32;
  static final int IDLE = 8;

  private static final class Pooled {
    final InstanceValidator validator;
    final long generation;
    int uses;

    Pooled(InstanceValidator validator, long generation) {
      this.validator = validator;
      this.generation = generation;
    }
  }

  private final ConcurrentLinkedDeque<Pooled> idle = new ConcurrentLinkedDeque<>();
  private final ElementParsers parsers = new ElementParsers(ValidationPolicy.EVERYTHING);

  public PooledInstanceValidator(FhirContext ctx) {
    super(ctx);
  }

  /** The resource types whose definitions its parsers have looked up (for tests). */
  Set<String> typesParsed() {
    return parsers.typesFound();
  }

  /** How many validators wait in the pool (for tests of its bounds). */
  int idleCount() {
    return idle.size();
  }

  @Override
  protected List<ValidationMessage> validate(IValidationContext<?> context) {
    IBaseResource resource = context.getResource() instanceof IBaseResource r ? r : null;
    if (resource == null || context.getResourceAsStringEncoding() != EncodingEnum.JSON) {
      return super.validate(context);
    }
    WorkerContextValidationSupportAdapter worker = provideWorkerContext();
    List<ValidationMessage> messages = new ArrayList<>();
    List<ValidationMessage> unknownProfiles = new ArrayList<>();
    // read before the profiles: a change in between retires the validator after this validation
    long generation = generationOf(worker);
    List<StructureDefinition> profiles = profiles(worker, resource, context, unknownProfiles);
    Pooled pooled = take(worker, generation);
    JsonParser parser = parsers.take(worker);
    try {
      validate(pooled.validator, parser, context, profiles, messages);
    } finally {
      parsers.giveBack(parser);
      giveBack(pooled, worker);
    }
    if (profiles.isEmpty()) {
      messages.addAll(unknownProfiles);
    }
    return adjusted(messages);
  }

  /**
   * What {@link InstanceValidator}'s stream entry point does for JSON, with a pooled parser: that
   * entry point builds a new parser (and with it a FHIRPath engine and profile utilities) for every
   * resource, 7 % of a validation's CPU in the create load.
   */
  private static void validate(InstanceValidator validator, JsonParser parser, IValidationContext<?> context,
      List<StructureDefinition> profiles, List<ValidationMessage> messages) {
    List<ValidatedFragment> fragments;
    try {
      fragments = parser.parse(
          new ByteArrayInputStream(context.getResourceAsString().getBytes(StandardCharsets.UTF_8)));
    } catch (IOException e) {
      throw new FHIRException(e);
    }
    for (ValidatedFragment fragment : fragments) {
      if (fragment.getElement() != null) {
        validator.validate(context.getOptions().getAppContext(), fragment.getErrors(),
            fragments.size() > 1 ? fragment.path() : null, fragment.getElement(), profiles);
      }
      messages.addAll(fragment.getErrors());
    }
  }

  /** The profiles asked for in the options and in meta.profile; unknown ones become messages. */
  private static List<StructureDefinition> profiles(IWorkerContext worker, IBaseResource resource,
      IValidationContext<?> context, List<ValidationMessage> unknown) {
    Set<String> urls = new LinkedHashSet<>(context.getOptions().getProfiles());
    resource.getMeta().getProfile().stream().map(IPrimitiveType::getValueAsString).filter(Objects::nonNull)
        .forEach(urls::add);
    List<StructureDefinition> found = new ArrayList<>();
    for (String url : urls) {
      StructureDefinition sd = worker.fetchResource(StructureDefinition.class, url);
      if (sd != null) {
        found.add(sd);
      } else {
        ValidationMessage m = new ValidationMessage();
        m.setMessageId(I18nConstants.VALIDATION_VAL_PROFILE_UNKNOWN);
        m.setLevel(ValidationMessage.IssueSeverity.ERROR);
        m.setMessage("Invalid profile. Failed to retrieve profile with url=" + url);
        unknown.add(m);
      }
    }
    return found;
  }

  /** The same post-processing HAPI applies to the core validator's messages. */
  private List<ValidationMessage> adjusted(List<ValidationMessage> messages) {
    List<ValidationMessage> kept = new ArrayList<>();
    for (ValidationMessage m : messages) {
      String id = m.getMessageId();
      if (I18nConstants.TERMINOLOGY_TX_BINDING_NOSOURCE.equals(id)
          || (I18nConstants.TERMINOLOGY_TX_VALUESET_NOTFOUND.equals(id)
              && m.getMessage().contains("http://hl7.org/fhir/ValueSet/mimetypes"))) {
        continue;
      }
      if (I18nConstants.VALIDATION_VAL_PROFILE_UNKNOWN.equals(id)
          || I18nConstants.VALIDATION_VAL_PROFILE_UNKNOWN_NOT_POLICY.equals(id)) {
        m.setLevel(isErrorForUnknownProfiles() ? ValidationMessage.IssueSeverity.ERROR
            : ValidationMessage.IssueSeverity.WARNING);
      }
      kept.add(m);
    }
    return kept;
  }

  /** An idle validator built on the current definitions, or a new one; older ones are dropped. */
  private Pooled take(IWorkerContext worker, long generation) {
    for (Pooled pooled = idle.pollFirst(); pooled != null; pooled = idle.pollFirst()) {
      if (pooled.generation == generation) {
        return pooled;
      }
    }
    return new Pooled(build(worker), generation);
  }

  private void giveBack(Pooled pooled, IWorkerContext worker) {
    if (++pooled.uses < USES && idle.size() < IDLE && pooled.generation == generationOf(worker)) {
      idle.addFirst(pooled);
    }
  }

  private static long generationOf(IWorkerContext worker) {
    return worker instanceof RememberedDefinitions remembered ? remembered.generation() : 0;
  }

  /** A core validator with this module's settings, as HAPI configures one per call. */
  private InstanceValidator build(IWorkerContext worker) {
    InstanceValidator v = new InstanceValidator(worker,
        Objects.requireNonNullElseGet(getHostApplicationServices(), FhirInstanceValidator.NullEvaluationContext::new),
        new XVerExtensionManagerOld(worker), new ValidatorSession(), new ValidatorSettings());
    v.setAssumeValidRestReferences(isAssumeValidRestReferences());
    v.setBestPracticeWarningLevel(getBestPracticeWarningLevel());
    v.setAnyExtensionsAllowed(isAnyExtensionsAllowed());
    v.setResourceIdRule(IdStatus.OPTIONAL);
    v.setNoTerminologyChecks(isNoTerminologyChecks());
    v.setErrorForUnknownProfiles(isErrorForUnknownProfiles());
    v.setUnknownCodeSystemsCauseErrors(true);
    v.getExtensionDomains().addAll(getExtensionDomains());
    v.setFetcher(getValidatorResourceFetcher());
    v.setPolicyAdvisor(getValidatorPolicyAdvisor());
    v.setNoExtensibleWarnings(isNoExtensibleWarnings());
    v.setNoBindingMsgSuppressed(isNoBindingMsgSuppressed());
    v.setAllowExamples(isAllowExamples());
    v.setAllowXsiLocation(true);
    return v;
  }
}
