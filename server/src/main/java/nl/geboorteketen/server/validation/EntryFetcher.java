package nl.geboorteketen.server.validation;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.context.support.IValidationSupport;
import ca.uhn.fhir.jpa.api.dao.DaoRegistry;
import ca.uhn.fhir.jpa.validation.ValidatorResourceFetcher;
import java.util.Optional;
import org.hl7.fhir.common.hapi.validation.validator.WorkerContextValidationSupportAdapter;
import org.hl7.fhir.exceptions.FHIRException;
import org.hl7.fhir.r4.model.Resource;
import org.hl7.fhir.r5.elementmodel.Element;
import org.hl7.fhir.r5.elementmodel.JsonParser;
import org.hl7.fhir.r5.utils.validation.IResourceValidator;

/** HAPI's fetcher, plus the entries of the transaction being processed (see {@link EntryReferencePolicy}). */
public class EntryFetcher extends ValidatorResourceFetcher {

  private final FhirContext ctx;
  private final WorkerContextValidationSupportAdapter worker;

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
    try {
      return new JsonParser(worker).parse(ctx.newJsonParser().encodeResourceToString(entry.get()),
          entry.get().fhirType());
    } catch (Exception e) {
      throw new FHIRException("Bundle entry " + url + " could not be read for validation: " + e.getMessage(), e);
    }
  }
}
