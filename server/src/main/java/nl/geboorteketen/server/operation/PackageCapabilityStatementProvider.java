package nl.geboorteketen.server.operation;

import ca.uhn.fhir.jpa.api.config.JpaStorageSettings;
import ca.uhn.fhir.jpa.api.dao.IFhirSystemDao;
import ca.uhn.fhir.jpa.provider.JpaCapabilityStatementProvider;
import ca.uhn.fhir.rest.api.server.RequestDetails;
import ca.uhn.fhir.rest.server.RestfulServer;
import ca.uhn.fhir.rest.server.util.ISearchParamRegistry;
import org.hl7.fhir.instance.model.api.IBaseResource;
import org.hl7.fhir.instance.model.api.IIdType;

/**
 * HAPI serves {@code OperationDefinition/{id}} from what it generates for each operation method;
 * ours are read from the package instead, so {@code OperationDefinition/lip-indicatie} is the
 * definition the CapabilityStatement points at, with its documentation, types and bindings.
 * HAPI binds the read on the superclass method; it dispatches here.
 */
public class PackageCapabilityStatementProvider extends JpaCapabilityStatementProvider {

  private final OperationContracts contracts;

  public PackageCapabilityStatementProvider(RestfulServer server, IFhirSystemDao<?, ?> systemDao,
      JpaStorageSettings storageSettings, ISearchParamRegistry searchParamRegistry, OperationContracts contracts) {
    // No validation support: HAPI would read every StructureDefinition of every package (Nictiz's too) to
    // list each type's supportedProfile, which CapabilityStatementCustomizer then replaces with ours;
    // that read was two thirds of the first /metadata, which is the readiness probe (docs/decisions.md).
    super(server, systemDao, storageSettings, searchParamRegistry, null);
    this.contracts = contracts;
  }

  @Override
  public IBaseResource readOperationDefinition(IIdType id, RequestDetails request) {
    if (id != null && id.hasIdPart()) {
      var ours = contracts.byId(id.getIdPart());
      if (ours.isPresent()) {
        return ours.get();
      }
    }
    return super.readOperationDefinition(id, request);
  }
}
