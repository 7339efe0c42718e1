package nl.geboorteketen.server.validation;

import ca.uhn.fhir.interceptor.api.Hook;
import ca.uhn.fhir.interceptor.api.Interceptor;
import ca.uhn.fhir.interceptor.api.Pointcut;
import ca.uhn.fhir.rest.api.server.RequestDetails;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.hl7.fhir.instance.model.api.IBaseBundle;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.IdType;
import org.hl7.fhir.r4.model.Resource;

/**
 * The entries of the transaction (or batch) being processed, by the ways another entry may refer to
 * them: its {@code fullUrl} ({@code urn:uuid:…}) and, for an update, {@code Type/id}. HAPI validates
 * each entry before it rewrites those references, so this is how a reference to an entry of the
 * same bundle is checked against that entry's type and profile.
 */
@Interceptor
public class TransactionEntries {

  private static final String KEY = TransactionEntries.class.getName();

  @Hook(Pointcut.STORAGE_TRANSACTION_PROCESSING)
  public void processing(IBaseBundle bundle, RequestDetails request) {
    if (!(bundle instanceof Bundle b) || request == null) {
      return;
    }
    // a batch calls this once per entry, possibly in parallel: collect, never replace
    @SuppressWarnings("unchecked")
    Map<String, Resource> entries = (Map<String, Resource>) request.getUserData()
        .computeIfAbsent(KEY, k -> new ConcurrentHashMap<String, Resource>());
    for (Bundle.BundleEntryComponent entry : b.getEntry()) {
      Resource resource = entry.getResource();
      if (resource == null) {
        continue;
      }
      if (entry.hasFullUrl()) {
        entries.put(entry.getFullUrl(), resource);
        IdType id = new IdType(entry.getFullUrl());
        if (id.hasResourceType() && id.hasIdPart()) {
          entries.put(id.toUnqualifiedVersionless().getValue(), resource);
        }
      }
      String url = entry.getRequest().getUrl();
      if (entry.getRequest().getMethod() == Bundle.HTTPVerb.PUT && url != null && !url.contains("?")) {
        entries.put(new IdType(url).toUnqualifiedVersionless().getValue(), resource);
      }
    }
  }

  /** The entry a reference points at, when the request (the validator's app context) is a bundle holding it. */
  static Optional<Resource> find(Object request, String reference) {
    if (!(request instanceof RequestDetails details) || reference == null) {
      return Optional.empty();
    }
    @SuppressWarnings("unchecked")
    Map<String, Resource> entries = (Map<String, Resource>) details.getUserData().get(KEY);
    return entries == null ? Optional.empty() : Optional.ofNullable(entries.get(reference));
  }
}
