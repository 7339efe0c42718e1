package nl.geboorteketen.server.validation;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.context.support.IValidationSupport;
import ca.uhn.fhir.jpa.api.dao.DaoRegistry;
import ca.uhn.fhir.jpa.validation.ValidatorResourceFetcher;
import ca.uhn.fhir.rest.api.server.RequestDetails;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.hl7.fhir.common.hapi.validation.validator.WorkerContextValidationSupportAdapter;
import org.hl7.fhir.exceptions.FHIRException;
import org.hl7.fhir.r4.model.Resource;
import org.hl7.fhir.r5.elementmodel.Element;
import org.hl7.fhir.r5.elementmodel.JsonParser;
import org.hl7.fhir.r5.elementmodel.ParserBase.ValidationPolicy;
import org.hl7.fhir.r5.utils.validation.IResourceValidator;
import org.hl7.fhir.validation.instance.InstanceValidator;

/**
 * HAPI's fetcher, plus the entries of the transaction being processed (see {@link EntryReferencePolicy}).
 *
 * <p>An entry is parsed once per request, not once per reference to it: in a bulk transaction every
 * record points at the same woman and maternal record, and parsing them again (each time with a
 * new parser, FHIRPath engine included) was 14 % of the ingest's CPU. Sharing the parsed entry is
 * safe because the policy only checks its type ({@code CHECK_TYPE_IF_EXISTS}): the validator reads
 * it, and its parent links are set here, before anyone else sees it.
 */
public class EntryFetcher extends ValidatorResourceFetcher {

  private static final String PARSED = EntryFetcher.class.getName() + ".parsed";

  private final FhirContext ctx;
  private final WorkerContextValidationSupportAdapter worker;
  private final ElementParsers parsers = new ElementParsers(ValidationPolicy.NONE);

  public EntryFetcher(FhirContext ctx, IValidationSupport validationSupport, DaoRegistry daos,
      WorkerContextValidationSupportAdapter worker) {
    super(ctx, validationSupport, daos);
    this.ctx = ctx;
    this.worker = worker;
  }

  @Override
  public Element fetch(IResourceValidator validator, Object appContext, String url) throws FHIRException {
    Optional<Resource> entry = TransactionEntries.find(appContext, url);
    if (entry.isEmpty()) {
      return super.fetch(validator, appContext, url);
    }
    @SuppressWarnings("unchecked")
    Map<String, Element> parsed = (Map<String, Element>) ((RequestDetails) appContext).getUserData()
        .computeIfAbsent(PARSED, k -> new ConcurrentHashMap<String, Element>());
    return parsed.computeIfAbsent(url, u -> parse(u, entry.get()));
  }

  private Element parse(String url, Resource entry) {
    JsonParser parser = parsers.take(worker);
    try {
      return InstanceValidator.setParents(parser.parse(ctx.newJsonParser().encodeResourceToString(entry), entry.fhirType()));
    } catch (Exception e) {
      throw new FHIRException("Bundle entry " + url + " could not be read for validation: " + e.getMessage(), e);
    } finally {
      parsers.giveBack(parser);
    }
  }
}
